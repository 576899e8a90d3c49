using Microsoft.Data.Sqlite;

namespace SycoBench.Labeling.Storage;

/// <summary>
/// Keeps the SQLite write-ahead log bounded under sustained load. Writes append pages to the WAL; a checkpoint copies
/// them back into the database, but the WAL only starts again from its beginning when a write finds it fully copied
/// and no reader still inside it, which under steady traffic almost never happens by itself (the WAL once grew to
/// 303 MB beside a 2.5 MB database). So, beside the writes:
/// <list type="number">
/// <item>every <see cref="SignalEveryCommits"/> commits (and at least once a second) a PASSIVE checkpoint copies
/// what it can without holding anyone up;</item>
/// <item>once the WAL holds <see cref="RestartPages"/> pages or more, a RESTART checkpoint runs inside the write gate:
/// it copies the few pages left, waits (at most <see cref="ReaderWaitMs"/> ms) for readers to leave the WAL, and
/// makes the next write start it again from the beginning. <c>journal_size_limit</c> then cuts the file back.</item>
/// </list>
/// Most of the copying (and its fsync) happens in step 1, outside the gate; step 2 holds writes for the short rest.
/// </summary>
internal sealed class WalCheckpointer : IDisposable
{
    public const int SignalEveryCommits = 64;
    public const int RestartPages = 4096;
    public const long JournalSizeLimitBytes = 16 * 1024 * 1024;
    private const int ReaderWaitMs = 100;

    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeGate;
    private readonly SemaphoreSlim _signal = new(0, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _commits;

    public WalCheckpointer(string path, SemaphoreSlim writeGate)
    {
        // Its own unpooled connection: the short busy timeout set on it must not reach the pool's connections.
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
            DefaultTimeout = 1,
        }.ToString();
        _writeGate = writeGate;
        _loop = Task.Run(() => RunAsync(_stop.Token));
    }

    /// <summary>Called after each commit (under the write gate); wakes the loop every <see cref="SignalEveryCommits"/> commits.</summary>
    public void Committed()
    {
        if (++_commits < SignalEveryCommits)
            return;
        _commits = 0;
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled.
            }
        }
    }

    private async Task RunAsync(CancellationToken stop)
    {
        try
        {
            using var connection = new SqliteConnection(_connectionString);
            connection.Open();
            Sql.Execute(connection, null, $"PRAGMA busy_timeout = {ReaderWaitMs}; PRAGMA journal_size_limit = {JournalSizeLimitBytes};");
            while (!stop.IsCancellationRequested)
            {
                await _signal.WaitAsync(TimeSpan.FromSeconds(1), stop).ConfigureAwait(false);
                var walPages = Checkpoint(connection, "PASSIVE");
                if (walPages < RestartPages)
                    continue;
                await _writeGate.WaitAsync(stop).ConfigureAwait(false);
                try
                {
                    Checkpoint(connection, "RESTART");
                }
                finally
                {
                    _writeGate.Release();
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is SqliteException or ObjectDisposedException or InvalidOperationException)
        {
            // The database went away or broke (the requests see that themselves); closing the last connection
            // checkpoints anyway. Nothing here may take the process down.
        }
    }

    /// <summary>Runs a checkpoint; returns the number of pages in the WAL (or 0 when it could not tell).</summary>
    private static long Checkpoint(SqliteConnection connection, string mode)
    {
        try
        {
            using var command = Sql.Command(connection, null, $"PRAGMA wal_checkpoint({mode})");
            using var reader = command.ExecuteReader();
            return reader.Read() ? reader.GetInt64(1) : 0;
        }
        catch (SqliteException ex) when (SqliteLabelDatabase.IsBusyCode(ex))
        {
            // Readers or another process held on past the wait: the next round tries again.
            return 0;
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(10));
        }
        catch (AggregateException)
        {
        }

        _stop.Dispose();
        _signal.Dispose();
    }
}
