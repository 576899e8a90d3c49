using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace SycoBench.Labeling.Storage;

/// <summary>
/// A label database in one SQLite file. SQLite allows one writer at a time; writes go through one writer connection
/// and take the database lock with <c>BEGIN IMMEDIATE</c>, without the lock upgrades that make deferred transactions
/// fail under load.
/// </summary>
internal sealed class SqliteLabelDatabase : LabelDatabase
{
    private readonly SqliteConnection _writer;
    private readonly WalCheckpointer _checkpointer;
    private readonly string _connectionString;

    private SqliteLabelDatabase(LabelStoreLocation location, TimeProvider time, bool create)
        : base(location, time)
    {
        // The provider retries a busy statement for DefaultTimeout (whole seconds, at least one); SQLite's own busy
        // handler waits busy_timeout inside each try.
        var busyTimeoutMs = (int)location.SqliteBusyTimeout.TotalMilliseconds;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = location.Value,
            Mode = create ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(location.SqliteBusyTimeout.TotalSeconds)),
        }.ToString();
        _writer = (SqliteConnection)OpenConnection();
        // WAL lets reads go on while one write commits (and is kept in the file); NORMAL sync is durable across
        // crashes of the process. Readers need neither: the provider's own busy handling waits for locks.
        // Checkpoints (copying the WAL back into the database, with an fsync) run beside the writes rather than inside
        // the commit that happens to fill the WAL, which would stall every write queued behind it; see WalCheckpointer.
        Sql.Execute(_writer, null,
            $"PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = {busyTimeoutMs}; " +
            $"PRAGMA wal_autocheckpoint = 0; PRAGMA journal_size_limit = {WalCheckpointer.JournalSizeLimitBytes};");
        _checkpointer = new WalCheckpointer(location.Value, WriteGate);
        // The writer runs the same few statements for every review, one write at a time: they are compiled once.
        Sql.KeepStatements(_writer);
    }

    public static SqliteLabelDatabase Create(LabelStoreLocation location, TimeProvider time, bool create)
    {
        var full = location.Value;
        var directory = System.IO.Path.GetDirectoryName(full);
        if (directory is not null && !Directory.Exists(directory))
            throw new InputException($"{location.Display}: the folder {directory} does not exist");
        if (!create && !File.Exists(full))
            throw new InputException($"{location.Display}: no such label database");
        try
        {
            return new SqliteLabelDatabase(location, time, create);
        }
        catch (SqliteException ex)
        {
            throw new InputException(
                IsBusyCode(ex)
                    ? $"{location.Display}: the database is locked by another program; try again when it is done ({ex.Message})"
                    : $"{location.Display}: not a usable label database ({ex.Message})",
                ex);
        }
    }

    protected override IReadOnlyList<string> Migrations => Schema.Migrations;

    /// <summary>The one connection writes go through (tests).</summary>
    internal SqliteConnection Writer => _writer;

    /// <summary>SQLITE_BUSY or SQLITE_LOCKED (primary codes 5 and 6; extended codes keep them in the low byte).</summary>
    public static bool IsBusyCode(SqliteException exception) => (exception.SqliteErrorCode & 0xFF) is 5 or 6;

    public override bool IsBusy(DbException exception) => exception is SqliteException sqlite && IsBusyCode(sqlite);

    public override DbConnection OpenConnection()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    public override DbTransaction BeginRead(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: true);

    public override IReadOnlyList<string> TableNames()
    {
        using var connection = OpenConnection();
        return Sql.Strings(connection, null, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name");
    }

    internal override bool HasSchemaTable(DbConnection connection) =>
        Sql.Scalar(connection, null, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'") is not null;

    protected override T WriteLocked<T>(Func<DbConnection, DbTransaction, T> work)
    {
        using var transaction = _writer.BeginTransaction(deferred: false);
        var result = work(_writer, transaction);
        transaction.Commit();
        _checkpointer.Committed();
        return result;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            // Waits for a checkpoint in progress, so nothing touches the file after the store is closed.
            _checkpointer.Dispose();
            Sql.ReleaseStatements(_writer);
            _writer.Dispose();
            // Pooled connections keep the file open; tests delete their databases, and a closed store should let go.
            SqliteConnection.ClearPool(new SqliteConnection(_connectionString));
        }

        base.Dispose(disposing);
    }
}
