using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace SycoBench.Testing;

/// <summary>
/// A throwaway PostgreSQL cluster for one test run (or one benchmark): <c>initdb</c> in a temporary folder owned by the
/// <c>postgres</c> user, started by <c>pg_ctl</c> on a free port, listening on 127.0.0.1 only with its socket in the
/// folder; stopped (<c>pg_ctl stop -m immediate</c>) and deleted when the process exits. The server binaries come from
/// the machine's PostgreSQL packages (<c>/usr/lib/postgresql/VERSION/bin</c>, the newest; <c>./test.sh</c> installs them
/// when missing). If the cluster cannot be started, asking for it throws, naming the step that failed: the tests that
/// need it fail, they are not skipped.
/// </summary>
internal sealed class PostgresCluster : IDisposable
{
    private static readonly Lazy<PostgresCluster> Shared = new(() => Start(durable: false));
    private readonly string _folder;
    private readonly string _bin;
    private readonly bool _asPostgresUser;
    private readonly bool _durable;
    private int _databases;
    private int _stopped;

    private PostgresCluster(string folder, string bin, int port, bool asPostgresUser, bool durable)
    {
        _folder = folder;
        _bin = bin;
        Port = port;
        _asPostgresUser = asPostgresUser;
        _durable = durable;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Dispose();
    }

    public int Port { get; }

    /// <summary>The server's major version (the folder under /usr/lib/postgresql).</summary>
    public string Version => Path.GetFileName(Path.GetDirectoryName(_bin)!);

    /// <summary>The cluster of this test run, started on first use (or by <see cref="StartInBackground"/>).</summary>
    public static PostgresCluster Instance => Shared.Value;

    /// <summary>
    /// Starts the test run's cluster on a thread of its own, so that initdb and pg_ctl (3-5 s of waiting, far more on a
    /// busy machine) overlap the tests that need no PostgreSQL instead of holding up the first one that does. A start
    /// that fails is not reported here: <see cref="Instance"/> throws the same error to every test that asks for it.
    /// </summary>
    public static void StartInBackground()
    {
        var thread = new Thread(() =>
        {
            try
            {
                _ = Shared.Value;
            }
            catch (InvalidOperationException)
            {
                // Kept by the Lazy and thrown again, naming the failed step, to each test that needs the cluster.
            }
        })
        {
            IsBackground = true,
            Name = "PostgreSQL test cluster start",
        };
        thread.Start();
    }

    public string AdminConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false;Timeout=30";

    /// <summary>Starts a cluster. Tests run without fsync and autovacuum (their data is thrown away); a benchmark keeps PostgreSQL's defaults.</summary>
    /// <param name="durable">PostgreSQL's default durability and autovacuum (a benchmark's cluster).</param>
    /// <param name="trackStatements">
    /// Loads pg_stat_statements, counting the statements inside functions and triggers too, so a benchmark can say
    /// which statements its time goes to (the extension still has to be created in the database that reads it).
    /// </param>
    public static PostgresCluster Start(bool durable, bool trackStatements = false)
    {
        var bin = FindBin();
        RemoveStoppedClusters();
        var asPostgresUser = Environment.UserName == "root";
        var folder = Path.Combine(Path.GetTempPath(), "sycobench-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        try
        {
            if (asPostgresUser)
                Run("chown", ["postgres:postgres", folder], "give the cluster folder to the postgres user");
            var port = FreePort();
            var cluster = new PostgresCluster(folder, bin, port, asPostgresUser, durable);
            cluster.Server("initdb", ["-D", Path.Combine(folder, "data"), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"], "initdb");
            var options = $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=64MB";
            // Without autovacuum: the test databases are small, kept until the cluster is deleted (see PostgresDatabase)
            // and would each be visited in turn by a worker the launcher starts.
            if (!durable)
                options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c autovacuum=off";
            if (trackStatements)
                options += " -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all";
            cluster.Server("pg_ctl", ["-D", Path.Combine(folder, "data"), "-o", options, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "start"], "pg_ctl start");
            return cluster;
        }
        catch (Exception ex)
        {
            var log = Path.Combine(folder, "server.log");
            var tail = File.Exists(log) ? "\nserver log:\n" + File.ReadAllText(log) : "";
            TryDelete(folder);
            throw new InvalidOperationException($"PostgreSQL could not be started for the tests ({bin}): {ex.Message}{tail}", ex);
        }
    }

    /// <summary>
    /// A new empty database in the cluster; its connections are ended when the returned value is disposed. A test
    /// cluster copies the template's files (STRATEGY FILE_COPY, PostgreSQL 15 and later) instead of writing each of its
    /// pages to the WAL, PostgreSQL 15's default: 26 ms of the server's time per database instead of 260 ms (the
    /// checkpoints a file copy asks for cost little without fsync). A durable cluster (a benchmark's) keeps the default.
    /// </summary>
    /// <param name="template">The database to copy (PostgreSQL's template1, an empty one, when null); nothing may be connected to it.</param>
    public PostgresDatabase CreateDatabase(string? template = null)
    {
        var name = $"t{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
        var fileCopy = !_durable && int.TryParse(Version, out var major) && major >= 15;
        Admin($"CREATE DATABASE {name}" + (template is null ? "" : $" TEMPLATE {template}") + (fileCopy ? " STRATEGY FILE_COPY" : ""));
        return new PostgresDatabase(this, name, $"Host=127.0.0.1;Port={Port};Username=postgres;Database={name}");
    }

    internal void Admin(string sql)
    {
        using var connection = new NpgsqlConnection(AdminConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static string FindBin()
    {
        var root = "/usr/lib/postgresql";
        var candidates = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Where(d => File.Exists(Path.Combine(d, "bin", "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .ToList()
            : [];
        return candidates.Count > 0
            ? Path.Combine(candidates[0], "bin")
            : throw new InvalidOperationException(
                "PostgreSQL's server programs are not installed (no /usr/lib/postgresql/*/bin/initdb). Run ./test.sh as root, " +
                "which installs them (apt-get install postgresql), or install them yourself.");
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private void Server(string program, IReadOnlyList<string> arguments, string step)
    {
        var path = Path.Combine(_bin, program);
        if (_asPostgresUser)
            Run("runuser", ["-u", "postgres", "--", path, .. arguments], step);
        else
            Run(path, arguments, step);
    }

    private static void Run(string program, IReadOnlyList<string> arguments, string step)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = "/" };
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{step}: {program} did not start");
        // The pipes are read on threads of their own, not the thread pool's: while the cluster starts in the background,
        // the test classes that run meanwhile can hold every pool thread, and a read waiting for one held up the start.
        var output = ReadOnOwnThread(process.StandardOutput);
        var error = ReadOnOwnThread(process.StandardError);
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{step}: {program} did not finish in 120 s");
        }

        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{step} failed (exit {process.ExitCode}): {error()}{output()}");
    }

    /// <summary>Reads a child's stream to its end on a new thread; the returned function waits (up to 10 s) for the text.</summary>
    private static Func<string> ReadOnOwnThread(StreamReader reader)
    {
        var text = "";
        var thread = new Thread(() => text = reader.ReadToEnd()) { IsBackground = true, Name = "postgres-start-output" };
        thread.Start();
        return () => thread.Join(10_000) ? text : "(its output was still open after it ended)";
    }

    /// <summary>
    /// The test host may end before its exit handler has deleted the folder of a cluster it stopped: such folders of
    /// earlier runs (no server running in them: no postmaster.pid) are removed before a new cluster starts.
    /// </summary>
    private static void RemoveStoppedClusters()
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), "sycobench-pg-*"))
        {
            if (!File.Exists(Path.Combine(folder, "data", "postmaster.pid")) && Directory.GetCreationTimeUtc(folder) < DateTime.UtcNow.AddMinutes(-1))
                TryDelete(folder);
        }
    }

    /// <summary>Deletes the folder, retrying while the stopped server's last files are still being let go.</summary>
    private static void TryDelete(string folder)
    {
        for (var attempt = 0; attempt < 20 && Directory.Exists(folder); attempt++)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"PostgreSQL test cluster: {folder} not deleted yet ({ex.Message})");
                Thread.Sleep(100);
            }
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
            return;
        NpgsqlConnection.ClearAllPools();
        try
        {
            Server("pg_ctl", ["-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop"], "pg_ctl stop");
        }
        catch (InvalidOperationException)
        {
        }

        TryDelete(_folder);
    }
}

/// <summary>
/// One database of the test cluster. On dispose every connection still open to it is ended; the database itself is
/// left to the cluster, which is deleted with it when the process exits. DROP DATABASE makes the server run a
/// checkpoint of the whole cluster and wait for it: about 25 ms of the server's processor time, and 0.7 s of waiting
/// per store test on a busy machine.
/// </summary>
internal sealed class PostgresDatabase(PostgresCluster cluster, string name, string connectionString) : IDisposable
{
    public string Name => name;

    public string ConnectionString => connectionString;

    public void Dispose()
    {
        cluster.Admin($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}' AND pid <> pg_backend_pid()");
    }
}
