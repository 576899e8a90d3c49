using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace SycoBench.Models.Pipeline;

/// <summary>
/// A SQLite store of successful answers, kept outside run folders (default <c>outputs/cache/responses.db</c>) so
/// that asking the same model the same thing with the same parameters and sample index never pays twice.
/// </summary>
public sealed class ResponseCache
{
    private readonly string _connectionString;

    public ResponseCache(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();

        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS responses (
                cache_key TEXT PRIMARY KEY,
                model_id TEXT NOT NULL,
                created_utc TEXT NOT NULL,
                answer TEXT NOT NULL
            );
            """;
        command.ExecuteNonQuery();
    }

    public string Path { get; }

    public async Task<CachedAnswer?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT answer FROM responses WHERE cache_key = $key";
        command.Parameters.AddWithValue("$key", key);
        var json = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
        return json is null ? null : JsonSerializer.Deserialize(json, CacheJsonContext.Default.CachedAnswer);
    }

    public async Task PutAsync(string key, string modelId, CachedAnswer answer, CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO responses (cache_key, model_id, created_utc, answer) VALUES ($key, $model, $created, $answer)
            ON CONFLICT (cache_key) DO UPDATE SET answer = excluded.answer, created_utc = excluded.created_utc
            """;
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$model", modelId);
        command.Parameters.AddWithValue("$created", DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$answer", JsonSerializer.Serialize(answer, CacheJsonContext.Default.CachedAnswer));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }
}
