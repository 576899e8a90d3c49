using System.Data;
using System.Data.Common;
using Npgsql;

namespace SycoBench.Labeling.Storage;

/// <summary>
/// A label database in PostgreSQL, for a team that hosts one server several processes reach. Each write is a READ
/// COMMITTED transaction that first takes one transaction-scoped advisory lock, exclusively, so writes are serial
/// across every process using the database, exactly as SQLite's single writer makes them, and each sees every earlier
/// commit. The two writes every review makes (next item, submit) are the exception: they take the same lock shared, so
/// they run beside each other (and their commits share the server's WAL flushes) but never beside another write; they
/// lock their reviewer's row first, so one reviewer's are still one at a time, and lock the item rows they decide on
/// (see <see cref="ReviewAssigner"/>), so no two reviewers both get an item's last place. A deadlock or a unique key
/// taken meanwhile by another transaction is retried. Reads run beside the writes on pooled connections.
/// </summary>
internal sealed class PostgresLabelDatabase : LabelDatabase
{
    /// <summary>The advisory lock of the label store's writes (advisory locks are per database).</summary>
    private const long WriteLockKey = 0x5379636F42656E63; // "SycoBenc"
    private readonly NpgsqlDataSource _dataSource;

    private PostgresLabelDatabase(LabelStoreLocation location, TimeProvider time)
        : base(location, time)
    {
        var builder = new NpgsqlDataSourceBuilder(location.Value);
        // A review runs the same dozen statements every time: prepared on each pooled connection after their second use,
        // the server parses and plans them once instead of on every call (unless the connection string says otherwise).
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = AutoPreparedStatements;
            builder.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
        }

        // A pooled connection is reset when it is closed: its next use first sends statements that reset the session
        // (RESET ALL, CLOSE ALL, UNLISTEN *, DISCARD TEMP and more), which the server parses and runs on each of the three
        // connections a review takes. The store leaves nothing on a connection to reset (no SET, no temporary tables, no
        // LISTEN, advisory locks only for the transaction), so connections go back to the pool as they are.
        builder.ConnectionStringBuilder.NoResetOnClose = true;
        _dataSource = builder.Build();
        // Those transactions hold threads of the pool (see WriteForReviewerAsync); the pool starts them at once rather
        // than adding one every half second while requests queue.
        ThreadPool.GetMinThreads(out var workers, out var completion);
        var wanted = Environment.ProcessorCount + ReviewerWritesAtOnce + 2;
        if (workers < wanted)
            ThreadPool.SetMinThreads(wanted, completion);
    }

    public static PostgresLabelDatabase Create(LabelStoreLocation location, TimeProvider time, bool create)
    {
        var database = new PostgresLabelDatabase(location, time);
        try
        {
            // Connect once now, so an unreachable server or a wrong password is reported as such, before anything else.
            using var connection = database.OpenConnection();
            return database;
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            database.Dispose();
            throw new InputException($"{location.Display}: cannot connect to the PostgreSQL database ({ex.Message})", ex);
        }
    }

    protected override IReadOnlyList<string> Migrations => PostgresSchema.Migrations;

    public override DbConnection OpenConnection() => _dataSource.OpenConnection();

    public override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>REPEATABLE READ: every statement of the transaction sees the database as of its first one.</summary>
    public override DbTransaction BeginRead(DbConnection connection) => connection.BeginTransaction(IsolationLevel.RepeatableRead);

    /// <summary>Lock timeouts, serialization failures, deadlocks, too many connections, a server starting or stopping.</summary>
    public override bool IsBusy(DbException exception) =>
        exception is PostgresException { SqlState: "55P03" or "40001" or "40P01" or "53300" or "57P03" };

    internal override bool HasSchemaTable(DbConnection connection) =>
        Sql.Scalar(connection, null, "SELECT to_regclass('schema_migrations') IS NOT NULL") is true;

    public override IReadOnlyList<string> TableNames()
    {
        using var connection = OpenConnection();
        return Sql.Strings(connection, null,
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name");
    }

    /// <summary>Identity columns do not see ids given explicitly: each sequence restarts after the highest copied id.</summary>
    public override void AfterCopy(DbConnection connection, DbTransaction transaction)
    {
        foreach (var table in new[] { "llm_responses", "reviews", "ai_reviews", "cannot_judge" })
        {
            Sql.Execute(connection, transaction,
                $"SELECT setval(pg_get_serial_sequence('{table}', 'id'), COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)");
        }
    }

    protected override T WriteLocked<T>(Func<DbConnection, DbTransaction, T> work)
    {
        using var connection = _dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction(IsolationLevel.ReadCommitted);
        Sql.Execute(connection, transaction, "SELECT pg_advisory_xact_lock(@key)", ("@key", WriteLockKey));
        var result = work(connection, transaction);
        transaction.Commit();
        return result;
    }

    public override bool ConcurrentReviewerWrites => true;

    public override string LockRows(string tables, bool skipLocked = false) =>
        $" FOR NO KEY UPDATE OF {tables}" + (skipLocked ? " SKIP LOCKED" : "");

    public override async Task<T> WriteForReviewerAsync<T>(
        string reviewerCode, Func<DbConnection, DbTransaction, T> work, Action<DbConnection, DbTransaction, long> expireLeases,
        CancellationToken cancellationToken = default)
    {
        // The work is synchronous and holds a thread while it waits for the server or a row lock: a few transactions at
        // a time are enough for their commits to share WAL flushes, and the others wait here without holding one.
        await _reviewerWrites.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await WriteForReviewerLockedAsync(reviewerCode, work, expireLeases, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _reviewerWrites.Release();
        }
    }

    private async Task<T> WriteForReviewerLockedAsync<T>(
        string reviewerCode, Func<DbConnection, DbTransaction, T> work, Action<DbConnection, DbTransaction, long> expireLeases,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var nowMs = NowMs();
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);
            try
            {
                // One round trip (with the BEGIN): no serial write is running, this reviewer's writes queue here, and
                // whether a lease is past its time.
                bool leaseDue;
                await using (var command = (NpgsqlCommand)Sql.Command(connection, transaction, """
                    SELECT pg_advisory_xact_lock_shared(@key);
                    SELECT 1 FROM reviewers WHERE code = @r FOR NO KEY UPDATE;
                    SELECT EXISTS (SELECT 1 FROM assignments WHERE live = 1 AND expires_at_ms <= @now)
                    """, ("@key", WriteLockKey), ("@r", reviewerCode), ("@now", nowMs)))
                await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
                {
                    await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                    await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                    await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                    leaseDue = reader.GetBoolean(0);
                }

                if (leaseDue)
                {
                    // Expiring touches every reviewer's leases: give way to a serial write that expires them, then start again.
                    await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                    await WriteAsync((c, t) =>
                    {
                        expireLeases(c, t, nowMs);
                        return 0;
                    }, cancellationToken).ConfigureAwait(false);
                    attempt--;
                    continue;
                }

                var result = work(connection, transaction);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return result;
            }
            catch (PostgresException ex) when (attempt < MaxAttempts && ex.SqlState is "40P01" or "40001" or "23505")
            {
                // A deadlock with another reviewer's transaction, or a key (a submission id) another one stored meanwhile:
                // nothing of this attempt is kept; the next one sees what the other committed.
                await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Runs a reviewer's next-item or submit as one call of a server-side function (<see cref="PostgresReviewFunctions"/>)
    /// in a transaction of its own: one round trip, where <see cref="WriteForReviewerAsync"/> makes one per statement and
    /// one more to commit. The function takes the same locks first and reports a lease past its time instead of doing
    /// the work (<paramref name="call"/> returns <c>LeaseDue</c>); the leases are then expired in a serial write, and
    /// the call made again, as are calls that met a deadlock or a key stored meanwhile.
    /// </summary>
    public async Task<T> CallForReviewerAsync<T>(
        Func<NpgsqlConnection, long, CancellationToken, Task<(bool LeaseDue, T Result)>> call,
        Action<DbConnection, DbTransaction, long> expireLeases, CancellationToken cancellationToken = default)
    {
        await _reviewerWrites.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var nowMs = NowMs();
                await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    var (leaseDue, result) = await call(connection, nowMs, cancellationToken).ConfigureAwait(false);
                    if (!leaseDue)
                        return result;
                }
                catch (PostgresException ex) when (attempt < MaxAttempts && ex.SqlState is "40P01" or "40001" or "23505")
                {
                    // The statement was its own transaction: nothing of it was kept, and the next call sees what the
                    // other transaction committed.
                    continue;
                }

                // Expiring touches every reviewer's leases: give way to a serial write that expires them, then call again.
                await WriteAsync((c, t) =>
                {
                    expireLeases(c, t, nowMs);
                    return 0;
                }, cancellationToken).ConfigureAwait(false);
                attempt--;
            }
        }
        finally
        {
            _reviewerWrites.Release();
        }
    }

    /// <summary>The key of the advisory lock every write takes (the server-side functions take it shared).</summary>
    public static long WriteLock => WriteLockKey;

    private const int MaxAttempts = 5;

    /// <summary>Statements each pooled connection keeps prepared on the server (the most used ones).</summary>
    private const int AutoPreparedStatements = 64;

    /// <summary>Reviewers' transactions at once in this process (see <see cref="WriteForReviewerAsync"/>).</summary>
    private const int ReviewerWritesAtOnce = 8;
    private readonly SemaphoreSlim _reviewerWrites = new(ReviewerWritesAtOnce, ReviewerWritesAtOnce);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _dataSource.Dispose();
            _reviewerWrites.Dispose();
        }

        base.Dispose(disposing);
    }
}
