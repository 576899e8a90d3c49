using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace SycoBench.Models.Pipeline;

/// <summary>
/// A SQLite store of successful answers, kept outside run folders (default <c>outputs/cache/responses.db</c>) so
/// that asking the same model the same prompt with the same parameters and sample index never pays twice.
/// One connection, used by one caller at a time behind an async gate: SQLite calls block, and concurrent writers
/// would otherwise sit in SQLite's busy handler on thread-pool threads.
/// </summary>
public sealed class ResponseCache : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _select;
    private readonly SqliteCommand _upsert;
    private readonly SqliteCommand _hit;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TimeProvider _timeProvider;

    public ResponseCache(string path, TimeProvider? timeProvider = null)
    {
        _timeProvider = timeProvider ?? TimeProvider.System;
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        _connection.Open();
        using (var setup = _connection.CreateCommand())
        {
            setup.CommandText = """
                PRAGMA journal_mode = WAL;
                PRAGMA synchronous = NORMAL;
                PRAGMA busy_timeout = 30000;
                CREATE TABLE IF NOT EXISTS responses (
                    cache_key TEXT PRIMARY KEY,
                    model_id TEXT NOT NULL,
                    created_utc TEXT NOT NULL,
                    answer TEXT NOT NULL,
                    hits INTEGER NOT NULL DEFAULT 0
                );
                """;
            setup.ExecuteNonQuery();
        }

        // A cache written before hits were counted gains the column; the meta table says since when hits are counted.
        using (var migrate = _connection.CreateCommand())
        {
            migrate.CommandText = (ResponseCacheFile.HasColumn(_connection, "hits") ? "" : "ALTER TABLE responses ADD COLUMN hits INTEGER NOT NULL DEFAULT 0;")
                + "CREATE TABLE IF NOT EXISTS cache_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);"
                + "INSERT OR IGNORE INTO cache_meta (name, value) VALUES ('hits_counted_since', $now);";
            migrate.Parameters.AddWithValue("$now", _timeProvider.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            migrate.ExecuteNonQuery();
        }

        _hit = _connection.CreateCommand();
        _hit.CommandText = "UPDATE responses SET hits = hits + 1 WHERE cache_key = $key";
        _hit.Parameters.Add("$key", SqliteType.Text);

        _select = _connection.CreateCommand();
        _select.CommandText = "SELECT answer FROM responses WHERE cache_key = $key";
        _select.Parameters.Add("$key", SqliteType.Text);
        _upsert = _connection.CreateCommand();
        _upsert.CommandText = """
            INSERT INTO responses (cache_key, model_id, created_utc, answer) VALUES ($key, $model, $created, $answer)
            ON CONFLICT (cache_key) DO UPDATE SET answer = excluded.answer, created_utc = excluded.created_utc
            """;
        _upsert.Parameters.Add("$key", SqliteType.Text);
        _upsert.Parameters.Add("$model", SqliteType.Text);
        _upsert.Parameters.Add("$created", SqliteType.Text);
        _upsert.Parameters.Add("$answer", SqliteType.Text);
    }

    public string Path { get; }

    public async Task<CachedAnswer?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _select.Parameters["$key"].Value = key;
            var json = _select.ExecuteScalar() as string;
            return json is null ? null : JsonSerializer.Deserialize(json, CacheJsonContext.Default.CachedAnswer);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Counts one answer served from the cache (shown per model by <c>cache stats</c>).</summary>
    public async Task CountHitAsync(string key, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _hit.Parameters["$key"].Value = key;
            _hit.ExecuteNonQuery();
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task PutAsync(string key, string modelId, CachedAnswer answer, CancellationToken cancellationToken = default)
    {
        var json = JsonSerializer.Serialize(answer, CacheJsonContext.Default.CachedAnswer);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _upsert.Parameters["$key"].Value = key;
            _upsert.Parameters["$model"].Value = modelId;
            _upsert.Parameters["$created"].Value = _timeProvider.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            _upsert.Parameters["$answer"].Value = json;
            _upsert.ExecuteNonQuery();
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _select.Dispose();
        _upsert.Dispose();
        _hit.Dispose();
        _connection.Dispose();
        _gate.Dispose();
    }
}
