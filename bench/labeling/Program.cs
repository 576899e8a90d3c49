using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using SycoBench.Bench.Labeling;
using SycoBench.Labeling;
using SycoBench.Labeling.Storage;
using SycoBench.Records;
using SycoBench.Reviews;
using SycoBench.Testing;

// Seeds a fresh label database (a SQLite file, or a PostgreSQL database with --store postgres) with N items (real answers from the reference run, each made unique), adds the
// reviewers, starts the real server on loopback, and lets every reviewer loop next-item → submit for a bounded time,
// either at a set total rate or as fast as the server answers. Prints the latency percentiles of both requests and
// the sustained reviews per second, against the targets.
var options = BenchOptions.Parse(args);
var work = Path.Combine(Path.GetTempPath(), "sycobench-bench-labeling-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(work);
var postgres = options.Store == "postgres";
using var cluster = postgres ? PostgresCluster.Start(durable: true, trackStatements: options.Statements > 0) : null;
var hosted = cluster?.CreateDatabase();
var database = hosted?.ConnectionString ?? Path.Combine(work, "labels.db");
const string AdminToken = "bench-admin-token-0123456789";
var invariant = CultureInfo.InvariantCulture;

try
{
    var answers = JsonlReader.Read(Path.Combine(AppContext.BaseDirectory, "run.jsonl"), RecordJsonContext.Default.RunRecord)
        .Select(e => e.Value).Where(RunSeedSampler.IsUsable).ToList();
    List<NewReviewer> reviewers;
    using (var store = LabelStore.Open(database))
    {
        var seeds = Enumerable.Range(0, options.Items).Select(i =>
        {
            var seed = RunSeedSampler.ToSeed(answers[i % answers.Count]);
            return seed with { Identifier = $"{seed.Identifier}#{i}", ModelResponseText = seed.ModelResponseText + $"\n\n(copy {i})" };
        }).ToList();
        store.Items.Push(LabelDatasets.Scenario, seeds);
        reviewers = Enumerable.Range(0, options.Reviewers).Select(i => store.Reviewers.Add("bench reviewer " + i)).ToList();
    }

    var statements = options.Statements > 0 ? new StatementTimes(hosted!.ConnectionString) : null;
    statements?.Create();

    var pacing = options.Rate > 0 ? string.Create(invariant, $"paced at {options.Rate:0} reviews/s in all") : "unpaced (each reviewer sends the next request at once: capacity)";
    Console.WriteLine(postgres
        ? $"store: PostgreSQL {cluster!.Version} on 127.0.0.1 (a throwaway cluster, fsync and synchronous commit on)"
        : "store: SQLite file (WAL, synchronous NORMAL)");
    Console.WriteLine(string.Create(invariant, $"{options.Items} items, {options.Reviewers} reviewers, {pacing}, {options.Warmup:0.#} s warm-up + {options.Seconds:0.#} s measured"));
    // Over HTTP: the real server in its own process. Store only: the store object in this process, called as the
    // server calls it, with no web app in between.
    await using var server = options.Via == "http"
        ? await ServerProcess.StartAsync(work, database, AdminToken, signInLimit: options.Reviewers * 4)
        : null;
    using var directStore = server is null ? LabelStore.Open(database) : null;
    Console.WriteLine(server is not null
        ? $"server: {server.Address} (sycobench label serve, Release, its own process)"
        : "store only: the label store called directly in this process (no HTTP, no web app)");

    var clients = reviewers.Select((reviewer, i) => server is not null
        ? (IReviewer)new ReviewerClient(server.Address, reviewer.SignInCode, i)
        : new StoreReviewer(directStore!, reviewer.Account.Code, i)).ToList();
    await Task.WhenAll(clients.Select(c => c.SignInAsync(CancellationToken.None)));

    // The WAL beside the database, sampled while the load runs: it must stay bounded however long the load lasts.
    var walPath = database + "-wal";
    long walPeak = 0;
    using var walSampler = new Timer(_ =>
    {
        var length = File.Exists(walPath) ? new FileInfo(walPath).Length : 0;
        long seen;
        while (length > (seen = Interlocked.Read(ref walPeak)) && Interlocked.CompareExchange(ref walPeak, length, seen) != seen)
        {
        }
    }, null, TimeSpan.Zero, TimeSpan.FromMilliseconds(100));
    var next = new ConcurrentBag<double>();
    var submit = new ConcurrentBag<double>();
    var pair = new ConcurrentBag<double>();
    var failures = 0;
    var clock = Stopwatch.StartNew();
    var measureFrom = TimeSpan.FromSeconds(options.Warmup);
    var stopAt = measureFrom + TimeSpan.FromSeconds(options.Seconds);
    var interval = options.Rate > 0 ? TimeSpan.FromSeconds(options.Reviewers / options.Rate) : TimeSpan.Zero;

    // Processor time over the measured window, of the server and of this process (the clients, or the store with its
    // callers): unlike latency it changes little with the load of a shared machine, so it tells where the time goes.
    var self = Process.GetCurrentProcess();
    TimeSpan ProcessorTimeOfSelf()
    {
        self.Refresh();
        return self.TotalProcessorTime;
    }

    var clusterTime = cluster is null ? null : new ClusterProcessorTime(cluster.Port);
    var cpuWindow = Task.Run(async () =>
    {
        await Task.Delay(measureFrom);
        statements?.Reset();
        var (server0, self0, database0) = (server?.ProcessorTime ?? TimeSpan.Zero, ProcessorTimeOfSelf(), clusterTime?.Sample());
        await Task.Delay(stopAt - clock.Elapsed);
        return (Server: (server?.ProcessorTime ?? TimeSpan.Zero) - server0, Self: ProcessorTimeOfSelf() - self0,
            Database: database0 is null ? (TimeSpan?)null : ClusterProcessorTime.Between(database0, clusterTime!.Sample()),
            Statements: statements?.Top(options.Statements));
    });

    await Task.WhenAll(clients.Select((client, index) => Task.Run(async () =>
    {
        // Reviewers start spread over one interval, so their requests do not arrive in lockstep.
        var due = interval * index / options.Reviewers;
        while (clock.Elapsed < stopAt)
        {
            if (interval > TimeSpan.Zero)
            {
                var wait = due - clock.Elapsed;
                if (wait > TimeSpan.Zero)
                    await Task.Delay(wait);
                due += interval;
            }

            try
            {
                var (n, s) = await client.ReviewOnceAsync(CancellationToken.None);
                if (clock.Elapsed >= measureFrom && clock.Elapsed < stopAt)
                {
                    next.Add(n);
                    submit.Add(s);
                    pair.Add(n + s);
                }
            }
            catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException)
            {
                if (Interlocked.Increment(ref failures) <= 3)
                    Console.Error.WriteLine("request failed: " + ex.Message);
            }
        }
    })));
    foreach (var client in clients)
        client.Dispose();

    static double P(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1))];
    }

    var reviewsPerSecond = pair.Count / options.Seconds;
    var p99Pair = P(pair, 0.99);
    Console.WriteLine(string.Create(invariant, $"reviews measured: {pair.Count} ({failures} failed requests)"));
    Console.WriteLine(string.Create(invariant, $"next-item        p50 {P(next, 0.5),7:0.00} ms   p99 {P(next, 0.99),7:0.00} ms"));
    Console.WriteLine(string.Create(invariant, $"submit           p50 {P(submit, 0.5),7:0.00} ms   p99 {P(submit, 0.99),7:0.00} ms"));
    Console.WriteLine(string.Create(invariant, $"next + submit    p50 {P(pair, 0.5),7:0.00} ms   p99 {p99Pair,7:0.00} ms   (target p99 <= 50 ms: {(p99Pair <= 50 ? "met" : "MISSED")})"));
    Console.WriteLine(string.Create(invariant, $"throughput       {reviewsPerSecond,7:0.0} reviews/s          (target >= 500 reviews/s: {(reviewsPerSecond >= 500 ? "met" : "MISSED")})"));

    var cpu = await cpuWindow;
    double PerReview(TimeSpan time) => pair.IsEmpty ? double.NaN : time.TotalMilliseconds / pair.Count;
    Console.WriteLine(server is not null
        ? string.Create(invariant, $"processor time   server {PerReview(cpu.Server),5:0.00} ms/review, clients {PerReview(cpu.Self),5:0.00} ms/review")
        : string.Create(invariant, $"processor time   store and callers {PerReview(cpu.Self),5:0.00} ms/review"));
    if (cpu.Database is { } databaseTime)
        Console.WriteLine(string.Create(invariant, $"processor time   PostgreSQL server {PerReview(databaseTime),5:0.00} ms/review"));
    if (cpu.Statements is { } top)
    {
        foreach (var line in StatementTimes.Format(top, pair.Count))
            Console.WriteLine(line);
    }

    if (!postgres)
    {
        var databaseBytes = new FileInfo(database).Length;
        Console.WriteLine(string.Create(invariant, $"WAL              peak {Interlocked.Read(ref walPeak) / 1048576.0,7:0.0} MB while the database file is {databaseBytes / 1048576.0:0.0} MB"));
    }

    using var check = LabelStore.Open(database);
    var status = check.Items.Status(LabelDatasets.Scenario);
    Console.WriteLine(string.Create(invariant, $"database: {status.Reviews} reviews stored, items by review count 0/1/2/3+ = {string.Join('/', status.ItemsByReviewCount)}"));
    return failures == 0 ? 0 : 1;
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    hosted?.Dispose();
    Directory.Delete(work, recursive: true);
}
