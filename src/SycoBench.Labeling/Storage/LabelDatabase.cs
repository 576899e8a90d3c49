using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SycoBench.Labeling.Storage;

/// <summary>
/// The SQLite file behind the labeling tool: connections, migrations, and the one door for writes. SQLite allows one
/// writer at a time; writes here queue on an in-process gate and then take the database lock with
/// <c>BEGIN IMMEDIATE</c>, so they are atomic against other processes (a <c>portal push</c> while the server runs)
/// as well, without the lock upgrades that make deferred transactions fail under load.
/// </summary>
internal sealed class LabelDatabase : IDisposable
{
    private const int BusyTimeoutMs = 5000;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly SqliteConnection _writer;
    private readonly WalCheckpointer _checkpointer;

    private LabelDatabase(string path, TimeProvider time)
    {
        Path = path;
        Time = time;
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = BusyTimeoutMs / 1000,
        }.ToString();
        _writer = OpenConnection();
        // WAL lets reads go on while one write commits (and is kept in the file); NORMAL sync is durable across
        // crashes of the process. Readers need neither: the provider's own busy handling waits for locks.
        // Checkpoints (copying the WAL back into the database, with an fsync) run beside the writes rather than inside
        // the commit that happens to fill the WAL, which would stall every write queued behind it; see WalCheckpointer.
        Sql.Execute(_writer, null,
            $"PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = {BusyTimeoutMs}; " +
            $"PRAGMA wal_autocheckpoint = 0; PRAGMA journal_size_limit = {WalCheckpointer.JournalSizeLimitBytes};");
        _checkpointer = new WalCheckpointer(path, _writeGate);
    }

    public string Path { get; }

    public TimeProvider Time { get; }

    public string ConnectionString { get; }

    public static LabelDatabase Open(string path, TimeProvider time)
    {
        var full = System.IO.Path.GetFullPath(path);
        var directory = System.IO.Path.GetDirectoryName(full);
        if (directory is not null && !Directory.Exists(directory))
            throw new InputException($"{path}: the folder {directory} does not exist");
        LabelDatabase? database = null;
        try
        {
            database = new LabelDatabase(full, time);
            database.Migrate();
            return database;
        }
        catch (SqliteException ex)
        {
            database?.Dispose();
            throw new InputException(
                IsBusy(ex)
                    ? $"{path}: the database is locked by another program; try again when it is done ({ex.Message})"
                    : $"{path}: not a usable label database ({ex.Message})",
                ex);
        }
    }

    /// <summary>SQLITE_BUSY or SQLITE_LOCKED (primary codes 5 and 6; extended codes keep them in the low byte).</summary>
    public static bool IsBusy(SqliteException exception) => (exception.SqliteErrorCode & 0xFF) is 5 or 6;

    /// <summary>A connection for reads, from the pool.</summary>
    public SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    /// <summary>Runs <paramref name="work"/> as one immediate transaction on the writer connection.</summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, T> work, CancellationToken cancellationToken = default)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return WriteLocked(work);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public T Write<T>(Func<SqliteConnection, SqliteTransaction, T> work)
    {
        _writeGate.Wait();
        try
        {
            return WriteLocked(work);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private T WriteLocked<T>(Func<SqliteConnection, SqliteTransaction, T> work)
    {
        using var transaction = _writer.BeginTransaction(deferred: false);
        var result = work(_writer, transaction);
        transaction.Commit();
        _checkpointer.Committed();
        return result;
    }

    public string Now() => Timestamp(Time.GetUtcNow());

    public long NowMs() => Time.GetUtcNow().ToUnixTimeMilliseconds();

    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public int SchemaVersion()
    {
        using var connection = OpenConnection();
        return Convert.ToInt32(Sql.Scalar(connection, null, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations"), CultureInfo.InvariantCulture);
    }

    private void Migrate() =>
        Write((connection, transaction) =>
        {
            Sql.Execute(connection, transaction, "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
            var applied = Convert.ToInt32(Sql.Scalar(connection, transaction, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations"), CultureInfo.InvariantCulture);
            if (applied > Schema.Migrations.Count)
                throw new InputException($"{Path}: made by a newer SycoBench (schema version {applied}, this one knows {Schema.Migrations.Count})");
            for (var version = applied + 1; version <= Schema.Migrations.Count; version++)
            {
                Sql.Execute(connection, transaction, Schema.Migrations[version - 1]);
                Sql.Execute(connection, transaction, "INSERT INTO schema_migrations (version, applied_at) VALUES ($version, $now)",
                    ("$version", version), ("$now", Now()));
            }

            return applied;
        });

    public void Dispose()
    {
        // Waits for a checkpoint in progress, so nothing touches the file after the store is closed.
        _checkpointer.Dispose();
        _writer.Dispose();
        _writeGate.Dispose();
        // Pooled connections keep the file open; tests delete their databases, and a closed store should let go.
        SqliteConnection.ClearPool(new SqliteConnection(ConnectionString));
    }
}
