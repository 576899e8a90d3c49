using System.Data;
using System.Data.Common;
using System.Globalization;

namespace SycoBench.Labeling.Storage;

/// <summary>
/// The database behind the labeling tool: connections, migrations, and the one door for writes. Every write is one
/// transaction that holds the database's single write lock from its first statement to its commit (SQLite:
/// <c>BEGIN IMMEDIATE</c>; PostgreSQL: a transaction-scoped advisory lock), queued first on an in-process gate. So
/// writes are serial, in this process and against other processes (a <c>portal push</c> while the server runs), and
/// every store class reads and writes the same way on both backends; only the SQL of the schema differs.
/// </summary>
internal abstract class LabelDatabase : IDisposable
{
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    protected LabelDatabase(LabelStoreLocation location, TimeProvider time)
    {
        Location = location;
        Time = time;
    }

    public LabelStoreLocation Location { get; }

    /// <summary>What to call the database in messages: the file's path, or the server and database without a password.</summary>
    public string Path => Location.Display;

    public TimeProvider Time { get; }

    /// <summary>
    /// The schema version the store was opened at: the current one, except in tests that make a store as an older
    /// SycoBench left it (<c>upToVersion</c>), where the code that version relies on must keep to it.
    /// </summary>
    public int OpenedAtVersion { get; private set; }

    protected SemaphoreSlim WriteGate => _writeGate;

    /// <param name="upToVersion">Tests only: migrate no further than this version, to make a store as an older SycoBench left it.</param>
    public static LabelDatabase Open(LabelStoreLocation location, TimeProvider time, bool create = true, int? upToVersion = null)
    {
        LabelDatabase database = location.Kind switch
        {
            LabelStoreKind.Sqlite => SqliteLabelDatabase.Create(location, time, create),
            LabelStoreKind.Postgres => PostgresLabelDatabase.Create(location, time, create),
            _ => throw new ArgumentOutOfRangeException(nameof(location)),
        };
        try
        {
            if (create)
            {
                database.RefuseAnotherProgramsDatabase();
                database.Migrate(upToVersion ?? database.Migrations.Count);
            }
            else
                database.RequireCurrentSchema();
            database.OpenedAtVersion = upToVersion ?? database.Migrations.Count;
            return database;
        }
        catch (DbException ex)
        {
            database.Dispose();
            throw new InputException(
                database.IsBusy(ex)
                    ? $"{location.Display}: the database is locked by another program; try again when it is done ({ex.Message})"
                    : $"{location.Display}: not a usable label database ({ex.Message})",
                ex);
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    public static bool HasStore(LabelStoreLocation location)
    {
        if (location.Kind == LabelStoreKind.Sqlite)
            return File.Exists(location.Value);
        using var database = PostgresLabelDatabase.Create(location, TimeProvider.System, create: false);
        using var connection = database.OpenConnection();
        return database.HasSchemaTable(connection);
    }

    /// <summary>The names of the tables in the store (not views, indexes or the backend's own).</summary>
    public abstract IReadOnlyList<string> TableNames();

    /// <summary>After rows were copied in with their ids: whatever the backend needs so new rows get fresh ids.</summary>
    public virtual void AfterCopy(DbConnection connection, DbTransaction transaction)
    {
    }

    /// <summary>The migrations of this backend, one per schema version, in the same order on every backend.</summary>
    protected abstract IReadOnlyList<string> Migrations { get; }

    /// <summary>A connection for reads, from the pool.</summary>
    public abstract DbConnection OpenConnection();

    /// <summary>
    /// A connection for reads, opened without holding the calling thread while the server answers (PostgreSQL); a
    /// SQLite file opens at once.
    /// </summary>
    public virtual ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) => ValueTask.FromResult(OpenConnection());

    /// <summary>A read transaction: one consistent snapshot for a long read (an export) while writes go on.</summary>
    public abstract DbTransaction BeginRead(DbConnection connection);

    /// <summary>Whether a failure means another connection holds a lock (it passes, unlike the others).</summary>
    public abstract bool IsBusy(DbException exception);

    /// <summary>Whether the schema table exists (the database was made by SycoBench).</summary>
    internal abstract bool HasSchemaTable(DbConnection connection);

    /// <summary>Runs <paramref name="work"/> as one write transaction holding the database's write lock.</summary>
    public async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, T> work, CancellationToken cancellationToken = default)
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

    public T Write<T>(Func<DbConnection, DbTransaction, T> work)
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

    /// <summary>Called with the write gate held: begin, lock, work, commit.</summary>
    protected abstract T WriteLocked<T>(Func<DbConnection, DbTransaction, T> work);

    /// <summary>
    /// Whether one reviewer's next-item and submit transactions run beside other reviewers' (PostgreSQL) instead of one
    /// at a time like every other write (SQLite). When they do, they never expire leases themselves (expiring touches
    /// every reviewer's leases): <see cref="WriteForReviewerAsync"/> expires them first in a write of the usual, serial kind.
    /// </summary>
    public virtual bool ConcurrentReviewerWrites => false;

    /// <summary>
    /// Runs a reviewer's next-item or submit transaction. By default (SQLite) it is a write like any other, and the work
    /// expires leases itself. PostgreSQL runs it beside other reviewers' (see <see cref="ConcurrentReviewerWrites"/>),
    /// locking this reviewer's row first, so one reviewer's own transactions still run one at a time; when a lease is
    /// past its time it first runs <paramref name="expireLeases"/> (with the time now, in Unix milliseconds) as a
    /// serial write.
    /// </summary>
    public virtual Task<T> WriteForReviewerAsync<T>(
        string reviewerCode, Func<DbConnection, DbTransaction, T> work, Action<DbConnection, DbTransaction, long> expireLeases,
        CancellationToken cancellationToken = default) =>
        WriteAsync(work, cancellationToken);

    /// <summary>
    /// The clause that locks the rows of <paramref name="tables"/> (aliases) a query reads, to put after it in a
    /// transaction that runs beside others and decides on those rows: PostgreSQL's <c>FOR NO KEY UPDATE</c>, which
    /// waits for a row another transaction is changing and then reads it as committed (nothing on SQLite, whose writes
    /// run one at a time). With <paramref name="skipLocked"/>, rows another transaction holds are passed over instead.
    /// </summary>
    public virtual string LockRows(string tables, bool skipLocked = false) => "";

    public string Now() => Timestamp(Time.GetUtcNow());

    public long NowMs() => Time.GetUtcNow().ToUnixTimeMilliseconds();

    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public int SchemaVersion()
    {
        using var connection = OpenConnection();
        return Convert.ToInt32(Sql.Scalar(connection, null, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations"), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A database that holds tables but no <c>schema_migrations</c> was made by another program (a response cache, the
    /// original labeling tool's database, anything else): the label store's tables are never added to it, so a mistyped
    /// <c>--db</c> cannot change a store SycoBench did not create. A new file or an empty database is made a label store.
    /// </summary>
    private void RefuseAnotherProgramsDatabase()
    {
        using (var connection = OpenConnection())
        {
            if (HasSchemaTable(connection))
                return;
        }

        var tables = TableNames();
        if (tables.Count > 0)
        {
            throw new InputException(
                $"{Path}: not a SycoBench label database (it holds the tables {string.Join(", ", tables.Take(5))}{(tables.Count > 5 ? ", …" : "")} and no schema_migrations); " +
                "refusing to add the label store's tables to it; choose a new file or an empty database (a database of the original labeling tool is brought in with 'sycobench portal import-legacy --from …')");
        }
    }

    /// <summary>For a store that is only read from (the source of a migration): it must exist and be at this version.</summary>
    private void RequireCurrentSchema()
    {
        using (var connection = OpenConnection())
        {
            if (!HasSchemaTable(connection))
                throw new InputException($"{Path}: not a SycoBench label database (no schema_migrations table)");
        }

        var version = SchemaVersion();
        if (version > Migrations.Count)
            throw new InputException($"{Path}: made by a newer SycoBench (schema version {version}, this one knows {Migrations.Count})");
        if (version < Migrations.Count)
            throw new InputException($"{Path}: schema version {version}, this SycoBench writes {Migrations.Count}; bring it up to date first with 'sycobench portal init-db --db …'");
    }

    private void Migrate(int upToVersion) =>
        Write((connection, transaction) =>
        {
            Sql.Execute(connection, transaction, "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
            var applied = Convert.ToInt32(Sql.Scalar(connection, transaction, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations"), CultureInfo.InvariantCulture);
            if (applied > Migrations.Count)
                throw new InputException($"{Path}: made by a newer SycoBench (schema version {applied}, this one knows {Migrations.Count})");
            for (var version = applied + 1; version <= upToVersion; version++)
            {
                Sql.Execute(connection, transaction, Migrations[version - 1]);
                Sql.Execute(connection, transaction, "INSERT INTO schema_migrations (version, applied_at) VALUES (@version, @now)",
                    ("@version", version), ("@now", Now()));
            }

            return applied;
        });

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
            _writeGate.Dispose();
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }
}
