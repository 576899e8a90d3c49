using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SycoBench.Models.Pipeline;

/// <summary>What one model has in the response cache.</summary>
public sealed record CachedModel(string ModelId, long Entries, long Hits, DateTimeOffset? Oldest, DateTimeOffset? Newest);

/// <summary>A response cache as <c>cache stats</c> sees it: entries, size on disk, hits per model, oldest entry.</summary>
public sealed record ResponseCacheStats(
    string Path,
    long Bytes,
    long Entries,
    IReadOnlyList<CachedModel> Models,
    DateTimeOffset? Oldest,
    DateTimeOffset? Newest,
    DateTimeOffset? HitsCountedSince);

/// <summary>
/// The response cache file from outside a run: read its figures without changing it, or empty it. Only a SQLite
/// database holding SycoBench's <c>responses</c> table is touched; any other file is refused by name, and a missing
/// file is never created.
/// </summary>
public static class ResponseCacheFile
{
    private static readonly string[] Columns = ["cache_key", "model_id", "created_utc", "answer"];

    /// <summary>The figures of the cache at <paramref name="path"/>, read-only; null when there is no file.</summary>
    public static ResponseCacheStats? Inspect(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full))
            return null;
        using var connection = Open(full, SqliteOpenMode.ReadOnly);
        var hasHits = HasColumn(connection, "hits");
        var models = new List<CachedModel>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"""
                SELECT model_id, COUNT(*), {(hasHits ? "SUM(hits)" : "0")}, MIN(created_utc), MAX(created_utc)
                FROM responses GROUP BY model_id ORDER BY model_id
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
                models.Add(new CachedModel(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), Time(reader, 3), Time(reader, 4)));
        }

        DateTimeOffset? since = null;
        if (hasHits && HasTable(connection, "cache_meta"))
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT value FROM cache_meta WHERE name = 'hits_counted_since'";
            since = command.ExecuteScalar() is string text ? Parse(text) : null;
        }

        return new ResponseCacheStats(
            full,
            SizeOnDisk(full),
            models.Sum(m => m.Entries),
            models,
            models.Select(m => m.Oldest).Where(t => t is not null).DefaultIfEmpty().Min(),
            models.Select(m => m.Newest).Where(t => t is not null).DefaultIfEmpty().Max(),
            since);
    }

    /// <summary>Removes every entry of the cache at <paramref name="path"/> and compacts the file; returns what was there (null: no file).</summary>
    public static ResponseCacheStats? Clear(string path)
    {
        var before = Inspect(path);
        if (before is null)
            return null;
        using (var connection = Open(before.Path, SqliteOpenMode.ReadWrite))
        {
            using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM responses; VACUUM; PRAGMA wal_checkpoint(TRUNCATE);";
            command.ExecuteNonQuery();
        }

        return before;
    }

    /// <summary>The database plus its write-ahead log, in bytes.</summary>
    public static long SizeOnDisk(string path) =>
        new[] { path, path + "-wal" }.Where(File.Exists).Sum(p => new FileInfo(p).Length);

    internal static bool HasColumn(SqliteConnection connection, string column)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM pragma_table_info('responses') WHERE name = $name";
        command.Parameters.AddWithValue("$name", column);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
    }

    private static bool HasTable(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = $name";
        command.Parameters.AddWithValue("$name", table);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString());
        try
        {
            connection.Open();
            if (!Columns.All(c => HasColumn(connection, c)))
                throw new InputException($"{path} is not a SycoBench response cache (it has no responses table with {string.Join(", ", Columns)})");
            return connection;
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw new InputException($"{path} is not a SycoBench response cache: {ex.Message}", ex);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static DateTimeOffset? Time(SqliteDataReader reader, int column) => reader.IsDBNull(column) ? null : Parse(reader.GetString(column));

    private static DateTimeOffset? Parse(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var value) ? value : null;
}
