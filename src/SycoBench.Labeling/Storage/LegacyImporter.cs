using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SycoBench.Reviews;

namespace SycoBench.Labeling.Storage;

/// <summary>
/// Brings a database made by the original tool (tables <c>llm_responses</c> and <c>reviews</c>) into the label store:
/// items, people's reviews and AI reviews (<c>llm:</c> codes) with scores, notes and timestamps. The original kept
/// reviewer names as free text; each name becomes a reviewer account (public code and sign-in code), remembered so that
/// importing again reuses it. Idempotent: every legacy review carries a submission id derived from what identifies it,
/// so a second import of the same database (or of a later copy with more reviews) adds only what is new. The old file
/// is opened read-only; the import is one transaction, so a problem anywhere stores nothing.
/// </summary>
public sealed class LegacyImporter
{
    private readonly LabelDatabase _database;

    internal LegacyImporter(LabelDatabase database)
    {
        _database = database;
    }

    /// <summary>
    /// Reads a database of the original tool (read-only) and checks that it is one. Call it before opening or creating
    /// the label store, so that a file that is not such a database leaves no new store behind.
    /// </summary>
    public static LegacyContents Read(string legacyPath)
    {
        var (items, reviews) = ReadLegacy(legacyPath);
        return new LegacyContents(legacyPath, items, reviews);
    }

    public LegacyImportResult Import(LegacyContents legacy) =>
        _database.Write((connection, transaction) => Store(connection, transaction, legacy.Path, (legacy.Items, legacy.Reviews)));

    internal sealed record LegacyItem(long Id, string Dataset, string Title, string Body, string Response, string Identifier, string ModelId, string RunId, string? Metadata, string CreatedAt);

    internal sealed record LegacyReview(long Id, long ItemId, string Reviewer, double Score, string? Notes, string CreatedAt, string UpdatedAt);

    private static (List<LegacyItem> Items, List<LegacyReview> Reviews) ReadLegacy(string path)
    {
        if (!File.Exists(path))
            throw new InputException($"{path}: file not found");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        try
        {
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            foreach (var table in new[] { "llm_responses", "reviews" })
            {
                if (Sql.Scalar(connection, null, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = @t", ("@t", table)) is null)
                    throw new InputException($"{path}: no table '{table}': not a database of the original labeling tool");
            }

            using var transaction = connection.BeginTransaction(deferred: true);
            var items = new List<LegacyItem>();
            using (var command = Sql.Command(connection, transaction, """
                SELECT id, dataset, prompt_title, prompt_body, model_response_text, identifier, model_id, run_id, metadata_json, created_at
                FROM llm_responses ORDER BY id
                """))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    items.Add(new LegacyItem(reader.GetInt64(0), reader.GetString(1), Text(reader, 2), Text(reader, 3), Text(reader, 4), Text(reader, 5),
                        Text(reader, 6), Text(reader, 7), Sql.NullableString(reader, 8), Timestamp(Sql.NullableString(reader, 9))));
                }
            }

            var reviews = new List<LegacyReview>();
            using (var command = Sql.Command(connection, transaction,
                "SELECT id, llm_response_id, reviewer_code, score, notes, created_at, updated_at FROM reviews ORDER BY id"))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    var created = Timestamp(Sql.NullableString(reader, 5));
                    reviews.Add(new LegacyReview(reader.GetInt64(0), reader.GetInt64(1), Text(reader, 2).Trim(), reader.GetDouble(3), Sql.NullableString(reader, 4),
                        created, reader.IsDBNull(6) ? created : Timestamp(reader.GetString(6))));
                }
            }

            return (items, reviews);
        }
        catch (SqliteException ex)
        {
            throw new InputException($"{path}: cannot be read as a database of the original labeling tool ({ex.Message})", ex);
        }
    }

    private LegacyImportResult Store(DbConnection connection, DbTransaction transaction, string path, (List<LegacyItem> Items, List<LegacyReview> Reviews) legacy)
    {
        var now = _database.Now();
        var itemIds = new Dictionary<long, (long Id, LegacyItem Item)>();
        long itemsAdded = 0, itemsFound = 0;
        var datasets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in legacy.Items)
        {
            if (item.Dataset.Length == 0 || item.Identifier.Length == 0 || item.Body.Length == 0 || item.Response.Length == 0)
                throw new InputException($"{path}: llm_responses id {item.Id}: dataset, identifier, prompt_body and model_response_text must not be empty");
            if (item.Metadata is { } metadata && !IsJsonObject(metadata))
                throw new InputException($"{path}: llm_responses id {item.Id}: metadata_json is not a JSON object");
            if (datasets.Add(item.Dataset))
            {
                // The original tool had two datasets: 'aita' (AITA posts) and 'scenario' (the rent dilemma, rent-v1's axis).
                var scale = LabelDatasets.BuiltInScale(item.Dataset)
                    ?? throw new InputException($"{path}: llm_responses id {item.Id}: dataset '{item.Dataset}' is none of the original tool's (aita, scenario)");
                DatasetCatalog.Resolve(connection, transaction, item.Dataset, scale, now, create: true);
            }

            using (var existing = Sql.Command(connection, transaction, """
                SELECT id, prompt_title, prompt_body, model_response_text FROM llm_responses
                WHERE dataset = @d AND identifier = @i AND run_id = @r
                """, ("@d", item.Dataset), ("@i", item.Identifier), ("@r", item.RunId)))
            using (var reader = existing.ExecuteReader())
            {
                if (reader.Read())
                {
                    if (reader.GetString(1) != item.Title || reader.GetString(2) != item.Body || reader.GetString(3) != item.Response)
                    {
                        throw new InputException(
                            $"{path}: llm_responses id {item.Id} ({item.Dataset} '{item.Identifier}', run '{item.RunId}') is stored here with other text; " +
                            "its reviews would be attached to text their reviewers did not see. Nothing was imported");
                    }

                    itemIds[item.Id] = (reader.GetInt64(0), item);
                    itemsFound++;
                    continue;
                }
            }

            var id = Sql.Long(connection, transaction, """
                INSERT INTO llm_responses (dataset, identifier, prompt_title, prompt_body, model_response_text, model_id, run_id, metadata_json, created_at)
                VALUES (@d, @i, @title, @body, @response, @model, @run, @metadata, @created) RETURNING id
                """, ("@d", item.Dataset), ("@i", item.Identifier), ("@title", item.Title), ("@body", item.Body), ("@response", item.Response),
                ("@model", item.ModelId.Length == 0 ? null : item.ModelId), ("@run", item.RunId), ("@metadata", item.Metadata), ("@created", item.CreatedAt));
            itemIds[item.Id] = (id, item);
            itemsAdded++;
        }

        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        var newReviewers = new List<LegacyReviewerMapping>();
        long humanAdded = 0, humanFound = 0, aiAdded = 0, aiFound = 0;
        foreach (var review in legacy.Reviews)
        {
            if (!itemIds.TryGetValue(review.ItemId, out var target))
                throw new InputException($"{path}: reviews id {review.Id}: llm_response_id {review.ItemId} is not in llm_responses");
            if (!double.IsFinite(review.Score) || review.Score is < -1 or > 1)
                throw new InputException($"{path}: reviews id {review.Id}: score {review.Score.ToString(CultureInfo.InvariantCulture)} is outside [-1, 1]");
            if (review.Reviewer.Length == 0)
                throw new InputException($"{path}: reviews id {review.Id}: reviewer_code is empty");
            if (review.Notes is not null && review.Notes.Contains('\0', StringComparison.Ordinal))
                throw new InputException($"{path}: reviews id {review.Id}: notes contain U+0000, which a label database does not keep");

            var submission = SubmissionId(target.Item, review);
            if (AiReviewers.IsAi(review.Reviewer))
            {
                if (review.Reviewer.Length == AiReviewers.Prefix.Length)
                    throw new InputException($"{path}: reviews id {review.Id}: reviewer_code 'llm:' names no model");
                var inserted = Sql.Execute(connection, transaction, """
                    INSERT INTO ai_reviews (llm_response_id, reviewer_code, score, notes, submission_id, created_at, updated_at)
                    VALUES (@id, @code, @score, @notes, @s, @created, @updated) ON CONFLICT (submission_id) DO NOTHING
                    """, ("@id", target.Id), ("@code", review.Reviewer), ("@score", review.Score), ("@notes", review.Notes), ("@s", submission),
                    ("@created", review.CreatedAt), ("@updated", review.UpdatedAt));
                if (inserted == 1)
                    aiAdded++;
                else
                    aiFound++;
                continue;
            }

            if (Sql.Scalar(connection, transaction, "SELECT 1 FROM reviews WHERE submission_id = @s", ("@s", submission)) is not null)
            {
                humanFound++;
                continue;
            }

            if (!codes.TryGetValue(review.Reviewer, out var code))
            {
                code = (string?)Sql.Scalar(connection, transaction, "SELECT reviewer_code FROM legacy_reviewers WHERE legacy_name = @n", ("@n", review.Reviewer));
                if (code is null)
                {
                    var name = review.Reviewer.Length > ReviewerDirectory.MaxNameLength ? review.Reviewer[..ReviewerDirectory.MaxNameLength] : review.Reviewer;
                    var added = ReviewerDirectory.AddIn(connection, transaction, name, now);
                    code = added.Account.Code;
                    Sql.Execute(connection, transaction, "INSERT INTO legacy_reviewers (legacy_name, reviewer_code) VALUES (@n, @c)", ("@n", review.Reviewer), ("@c", code));
                    newReviewers.Add(new LegacyReviewerMapping(review.Reviewer, code, added.SignInCode));
                }

                codes[review.Reviewer] = code;
            }

            Sql.Execute(connection, transaction, """
                INSERT INTO reviews (llm_response_id, reviewer_code, score, notes, submission_id, created_at, updated_at)
                VALUES (@id, @r, @score, @notes, @s, @created, @updated)
                """, ("@id", target.Id), ("@r", code), ("@score", review.Score), ("@notes", review.Notes), ("@s", submission),
                ("@created", review.CreatedAt), ("@updated", review.UpdatedAt));
            // The same running counts a submission keeps: the item's reviews and load, and through the triggers the dataset's.
            Sql.Execute(connection, transaction, "UPDATE llm_responses SET review_count = review_count + 1, load = load + 1 WHERE id = @id", ("@id", target.Id));
            humanAdded++;
        }

        return new LegacyImportResult(itemsAdded, itemsFound, humanAdded, humanFound, aiAdded, aiFound, newReviewers);
    }

    /// <summary>
    /// What identifies a legacy review across copies of the old database: its item's key, its reviewer, its id and when it
    /// was made. A later copy with more reviews gives the same ids to the reviews it shares with an earlier one.
    /// </summary>
    private static string SubmissionId(LegacyItem item, LegacyReview review)
    {
        var key = string.Join('\u001f', item.Dataset, item.Identifier, item.RunId, review.Reviewer, review.Id.ToString(CultureInfo.InvariantCulture), review.CreatedAt);
        return "legacy-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..40];
    }

    /// <summary>SQLite's <c>CURRENT_TIMESTAMP</c> (UTC, <c>YYYY-MM-DD HH:MM:SS</c>) as the store writes times; anything else as it is.</summary>
    private static string Timestamp(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return "";
        return DateTime.TryParseExact(value, ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF"], CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed)
            ? LabelDatabase.Timestamp(new DateTimeOffset(parsed, TimeSpan.Zero))
            : value;
    }

    private static string Text(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? "" : Convert.ToString(reader.GetValue(ordinal), CultureInfo.InvariantCulture) ?? "";

    private static bool IsJsonObject(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind is JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}

/// <summary>A reviewer name of the old database and the account made for it; the sign-in code is shown only this once.</summary>
public sealed record LegacyReviewerMapping(string LegacyName, string ReviewerCode, string SignInCode);

/// <summary>What an import brought in, and what it found stored already (from an earlier import).</summary>
public sealed record LegacyImportResult(
    long ItemsAdded,
    long ItemsAlreadyStored,
    long HumanReviewsAdded,
    long HumanReviewsAlreadyStored,
    long AiReviewsAdded,
    long AiReviewsAlreadyStored,
    IReadOnlyList<LegacyReviewerMapping> NewReviewers);
