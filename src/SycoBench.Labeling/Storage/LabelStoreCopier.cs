using System.Data.Common;

namespace SycoBench.Labeling.Storage;

/// <summary>
/// Copies a whole label store into an empty one, between SQLite and PostgreSQL in either direction: every table, row
/// for row with the same ids (exports, leases and sessions carry on as before), including the running counts as they
/// are. The source is read in one snapshot and never changed; the target is written in one transaction, so a failure
/// leaves it as empty as it was. Both stores must be at this SycoBench's schema version; a table this copier does not
/// know (a newer schema) stops it before anything is written.
/// </summary>
public static class LabelStoreCopier
{
    /// <summary>The tables of the store in an order that satisfies the foreign keys, with their columns.</summary>
    internal static readonly IReadOnlyList<(string Table, string Columns, string Order)> Tables =
    [
        ("reviewers", "code, name, sign_in_hash, created_at, disabled_at", "code"),
        ("datasets", "name, title, scale_source, negative_label, neutral_label, positive_label, score_min, score_max, created_at", "name"),
        ("llm_responses", "id, dataset, identifier, prompt_title, prompt_body, model_response_text, model_id, run_id, metadata_json, created_at, review_count, load", "id"),
        ("reviews", "id, llm_response_id, reviewer_code, score, notes, submission_id, created_at, updated_at", "id"),
        ("ai_reviews", "id, llm_response_id, reviewer_code, score, notes, submission_id, created_at, updated_at", "id"),
        ("cannot_judge", "id, llm_response_id, reviewer_code, notes, submission_id, created_at", "id"),
        ("assignments", "reviewer_code, dataset, llm_response_id, assigned_at, expires_at_ms, live", "reviewer_code, dataset"),
        ("reviewer_sessions", "id_hash, reviewer_code, created_at, revoked_at", "id_hash"),
        ("legacy_reviewers", "legacy_name, reviewer_code", "legacy_name"),
        // Kept by triggers as rows arrive above; replaced afterwards by the source's own rows, which are the truth.
        ("dataset_count_slots", "dataset, slot, items, reviews, items_1, items_2, items_3", "dataset, slot"),
        ("reviewer_counts", "reviewer_code, dataset, items, reviews", "reviewer_code, dataset"),
    ];

    private static readonly string[] CountTables = ["dataset_count_slots", "reviewer_counts"];

    /// <summary>Whether the store holds no row in any table (a store just created, or never used).</summary>
    public static bool IsEmpty(LabelStore store)
    {
        using var connection = store.Database.OpenConnection();
        return Tables.All(t => Sql.Scalar(connection, null, $"SELECT 1 FROM {t.Table} LIMIT 1") is null);
    }

    public static LabelCopyResult Copy(LabelStore source, LabelStore target)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        RequireKnownTables(source);
        RequireKnownTables(target);
        using var read = source.Database.OpenConnection();
        using var snapshot = source.Database.BeginRead(read);
        var counts = new List<(string Table, long Rows)>();
        target.Database.Write((connection, transaction) =>
        {
            if (Tables.Any(t => Sql.Scalar(connection, transaction, $"SELECT 1 FROM {t.Table} LIMIT 1") is not null))
                throw new InputException($"{target.Path}: the target store is not empty; copy into a new file or an empty database");
            foreach (var (table, columns, order) in Tables)
            {
                if (CountTables.Contains(table, StringComparer.Ordinal))
                    Sql.Execute(connection, transaction, $"DELETE FROM {table}");
                counts.Add((table, CopyTable(read, snapshot, connection, transaction, table, columns, order)));
            }

            target.Database.AfterCopy(connection, transaction);
            foreach (var (table, rows) in counts)
            {
                var stored = Sql.Long(connection, transaction, $"SELECT COUNT(*) FROM {table}");
                if (stored != rows)
                    throw new InvalidOperationException($"{table}: {rows} rows read but {stored} in the target; nothing was copied");
            }

            return 0;
        });
        return new LabelCopyResult(counts);
    }

    private static long CopyTable(DbConnection read, DbTransaction snapshot, DbConnection write, DbTransaction transaction, string table, string columns, string order)
    {
        var names = columns.Split(", ");
        using var insert = Sql.Command(write, transaction,
            $"INSERT INTO {table} ({columns}) VALUES ({string.Join(", ", names.Select(n => "@" + n))})",
            names.Select(n => ("@" + n, (object?)null)).ToArray());
        using var select = Sql.Command(read, snapshot, $"SELECT {columns} FROM {table} ORDER BY {order}");
        using var reader = select.ExecuteReader();
        long rows = 0;
        while (reader.Read())
        {
            for (var i = 0; i < names.Length; i++)
                insert.Parameters[i].Value = reader.GetValue(i);
            insert.ExecuteNonQuery();
            rows++;
        }

        return rows;
    }

    private static void RequireKnownTables(LabelStore store)
    {
        var known = Tables.Select(t => t.Table).Append("schema_migrations").ToHashSet(StringComparer.Ordinal);
        var unknown = store.Database.TableNames().Where(t => !known.Contains(t)).ToList();
        if (unknown.Count > 0)
            throw new InputException($"{store.Path}: tables this SycoBench does not know how to copy ({string.Join(", ", unknown)}); nothing was copied");
        if (store.SchemaVersion != LabelStore.CurrentSchemaVersion)
            throw new InputException($"{store.Path}: schema version {store.SchemaVersion}, this SycoBench copies version {LabelStore.CurrentSchemaVersion}");
    }
}

/// <summary>Rows copied per table, in copy order.</summary>
public sealed record LabelCopyResult(IReadOnlyList<(string Table, long Rows)> Tables)
{
    public long Rows(string table) => Tables.FirstOrDefault(t => t.Table == table).Rows;
}
