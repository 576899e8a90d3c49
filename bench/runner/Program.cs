using System.ClientModel;
using System.ClientModel.Primitives;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using OpenAI;
using SycoBench.Simulator;

// Benchmarks of `sycobench run` against the simulated provider on loopback (hosted here, so its CPU is not counted).
//   throughput SYCOBENCH_DLL  — 2,160 requests (108 prompts × 20 samples), concurrency 32, answers after 100 ms:
//                               wall vs the ideal, CPU per request and peak RSS; then a bare IChatClient loop, same work.
//   rpm SYCOBENCH_DLL RPM N   — N requests under a server RPM limit with the same limit in the roster.
//   announced SYCOBENCH_DLL   — 216 requests (108 prompts × 2 samples, concurrency 8) of a model with no rpm in its
//                               roster, against a server that allows 120 a minute and announces it in its headers.
//   cost SYCOBENCH_DLL        — the same 2,160 answers (108 prompts × 20 samples) of a model priced like gpt-4o-mini
//                               (batch price half), once interactive and once with --batch: the cost of each and the ratio.
//   bare URL N CONCURRENCY    — the bare loop itself (run as a child process so it is measured the same way).
var invariant = CultureInfo.InvariantCulture;
switch (args.FirstOrDefault())
{
    case "throughput":
        return await Throughput(args[1]);
    case "rpm":
        return await Rpm(args[1], int.Parse(args[2], invariant), int.Parse(args[3], invariant));
    case "announced":
        return await Announced(args[1]);
    case "cost":
        return await Cost(args[1]);
    case "bare":
        return await Bare(new Uri(args[1]), int.Parse(args[2], invariant), int.Parse(args[3], invariant));
    default:
        Console.Error.WriteLine("usage: throughput SYCOBENCH_DLL | rpm SYCOBENCH_DLL RPM N | announced SYCOBENCH_DLL | cost SYCOBENCH_DLL | bare URL N CONCURRENCY");
        return 2;
}

async Task<int> Throughput(string sycobench)
{
    const int Prompts = 108, Samples = 20, Concurrency = 32;
    const double LatencyMs = 100;
    var requests = Prompts * Samples;
    var ideal = Math.Ceiling(requests / (double)Concurrency) * LatencyMs / 1000;
    await using var sim = await SimServer.StartAsync(new SimOptions { Port = 0, LatencyMs = LatencyMs, ScenarioDirectories = [ScenarioDirectory(sycobench)] });
    var work = Workspace();
    Grid(sycobench, work);

    var runner = Measure(work, sim, "dotnet", sycobench, "run", "--model", "sim/balanced", "--concurrency", Concurrency.ToString(invariant),
        "--samples", Samples.ToString(invariant), "--no-cache", "--out", "run");
    var lines = File.ReadLines(Path.Combine(work, "run", "run.jsonl")).Count();
    Report("sycobench run", runner, requests, ideal, lines);
    var bare = Measure(work, sim, "dotnet", Path.Combine(AppContext.BaseDirectory, "SycoBench.Bench.Runner.dll"),
        "bare", sim.BaseUrl.ToString(), requests.ToString(invariant), Concurrency.ToString(invariant));
    Report("bare IChatClient loop", bare, requests, ideal, requests);
    Console.WriteLine(string.Create(invariant, $"targets: wall ≤ 1.10 × ideal, CPU ≤ 1.5 ms/request, peak RSS ≤ 200 MB"));
    var pass = runner.Wall / ideal <= 1.10 && runner.CpuMs / requests <= 1.5 && runner.PeakRssMb <= 200;
    Console.WriteLine(pass ? "RESULT: sycobench run meets the targets" : "RESULT: sycobench run misses a target");
    return 0;
}

async Task<int> Rpm(string sycobench, int rpm, int requests)
{
    await using var sim = await SimServer.StartAsync(new SimOptions { Port = 0, Rpm = rpm, ScenarioDirectories = [ScenarioDirectory(sycobench)] });
    var work = Workspace();
    Grid(sycobench, work);
    File.WriteAllText(Path.Combine(work, "roster.json"),
        $$"""[{"id": "sim/balanced", "concurrency": 16, "rpm": {{rpm}}}]""");
    var samples = (int)Math.Ceiling(requests / 108.0);
    var started = DateTimeOffset.UtcNow;
    var result = Measure(work, sim, "dotnet", sycobench, "run", "--models", "roster.json", "--samples", samples.ToString(invariant), "--no-cache", "--out", "run");
    var sent = samples * 108;
    var firstMinute = started.AddMinutes(1);
    var late429 = sim.Stats.RateLimitedAt.Count(t => t > firstMinute);
    var rate = sent / result.Wall * 60;
    Console.WriteLine(string.Create(invariant,
        $"rpm limit {rpm}: {sent} requests in {result.Wall:0.0} s = {rate:0.0} requests/min ({rate / rpm:P1} of the limit); 429s: {sim.Stats.RateLimited} in all, {late429} after the first minute"));
    Console.WriteLine(rate / rpm >= 0.95 && late429 == 0 ? "RESULT: meets the target (≥ 95% of the limit, no 429 after the first minute)" : "RESULT: misses the target");
    return 0;
}

async Task<int> Announced(string sycobench)
{
    const int Rpm = 120, Samples = 2, Concurrency = 8;
    await using var sim = await SimServer.StartAsync(new SimOptions { Port = 0, Rpm = Rpm, ScenarioDirectories = [ScenarioDirectory(sycobench)] });
    var work = Workspace();
    Grid(sycobench, work);
    File.WriteAllText(Path.Combine(work, "roster.json"), $$"""[{"id": "sim/balanced", "concurrency": {{Concurrency}}}]""");
    var result = Measure(work, sim, "dotnet", sycobench, "run", "--models", "roster.json", "--samples", Samples.ToString(invariant), "--no-cache", "--out", "run");
    var records = File.ReadLines(Path.Combine(work, "run", "run.jsonl")).Count();
    var failed = File.ReadLines(Path.Combine(work, "run", "run.jsonl")).Count(l =>
    {
        using var record = System.Text.Json.JsonDocument.Parse(l);
        return record.RootElement.TryGetProperty("error", out var error) && error.ValueKind != System.Text.Json.JsonValueKind.Null;
    });
    var requests = sim.Stats.Requests;
    var limited = sim.Stats.RateLimited;
    var share = requests == 0 ? 0 : (double)limited / requests;
    Console.WriteLine(string.Create(invariant,
        $"announced limit {Rpm} rpm, roster without rpm, concurrency {Concurrency}: {records} records ({failed} failed) in {result.Wall:0.0} s; {requests} requests sent, {limited} answered 429 ({share:P1})"));
    Console.WriteLine(result.Wall <= 80 && share <= 0.01 && records == 108 * Samples && failed == 0
        ? "RESULT: meets the target (within 80 s, at most 1% answered 429)"
        : "RESULT: misses the target (within 80 s, at most 1% answered 429)");
    return 0;
}

async Task<int> Cost(string sycobench)
{
    const int Prompts = 108, Samples = 20;
    await using var sim = await SimServer.StartAsync(new SimOptions { Port = 0, ScenarioDirectories = [ScenarioDirectory(sycobench)] });
    var work = Workspace();
    Grid(sycobench, work);
    // gpt-4o-mini's published prices (data/prices.json): $0.15 / $0.60 per million tokens, batch $0.075 / $0.30.
    File.WriteAllText(Path.Combine(work, "roster.json"), """
        [{"id": "sim/balanced", "concurrency": 32,
          "prices": {"input_per_million": 0.15, "output_per_million": 0.60, "batch_input_per_million": 0.075, "batch_output_per_million": 0.30}}]
        """);
    File.WriteAllText(Path.Combine(work, "judges.json"), """
        [{"id": "sim/judge", "concurrency": 32,
          "prices": {"input_per_million": 0.15, "output_per_million": 0.60, "batch_input_per_million": 0.075, "batch_output_per_million": 0.30}}]
        """);
    Environment.SetEnvironmentVariable("BENCH_BATCH_POLL_S", "0.5");
    var samples = Samples.ToString(invariant);
    var interactive = Measure(work, sim, "dotnet", sycobench, "run", "--models", "roster.json", "--samples", samples, "--no-cache", "--out", "interactive");
    var batch = Measure(work, sim, "dotnet", sycobench, "run", "--models", "roster.json", "--samples", samples, "--no-cache", "--batch", "--out", "batch");
    var (answersI, costI, sourcesI) = Costs(Path.Combine(work, "interactive", "run.jsonl"));
    var (answersB, costB, sourcesB) = Costs(Path.Combine(work, "batch", "run.jsonl"));
    Console.WriteLine(string.Create(invariant,
        $"interactive: {answersI} answers, {costI:0.000000} USD (cost_source {sourcesI}), {sim.Stats.Requests} requests, wall {interactive.Wall:0.0} s"));
    Console.WriteLine(string.Create(invariant,
        $"batch:       {answersB} answers, {costB:0.000000} USD (cost_source {sourcesB}), {sim.Stats.BatchesCreated} batch(es), wall {batch.Wall:0.0} s"));
    var ratio = costB / costI;
    Console.WriteLine(string.Create(invariant, $"cost ratio batch / interactive at equal answers: {ratio:0.000} (target 0.5)"));
    Console.WriteLine(answersI == Prompts * Samples && answersB == answersI && Math.Abs(ratio - 0.5) < 0.005
        ? "RESULT: meets the target (equal answers, batch costs 0.5 of interactive)"
        : "RESULT: misses the target");

    // The judge stage over the same answers: the judge priced like gpt-4o-mini too, once interactive, once --batch.
    var requestsBefore = sim.Stats.Requests;
    var batchesBefore = sim.Stats.BatchesCreated;
    string[] score = ["score", "-i", "interactive/run.jsonl", "--models", "judges.json", "-s", "sim/judge", "--concurrency", "32", "--no-cache", "--no-aggregate"];
    var judgedI = Measure(work, sim, "dotnet", [sycobench, .. score, "-o", "interactive/interactive_scored.jsonl"]);
    var judgeRequests = sim.Stats.Requests - requestsBefore;
    var judgedB = Measure(work, sim, "dotnet", [sycobench, .. score, "-o", "interactive/batch_scored.jsonl", "--batch"]);
    var (scoredI, judgeCostI, judgeSourcesI) = JudgeCosts(Path.Combine(work, "interactive", "interactive_scored.jsonl"));
    var (scoredB, judgeCostB, judgeSourcesB) = JudgeCosts(Path.Combine(work, "interactive", "batch_scored.jsonl"));
    Console.WriteLine(string.Create(invariant,
        $"score interactive: {scoredI} scored, {judgeCostI:0.000000} USD (eval_cost_source {judgeSourcesI}), {judgeRequests} requests, wall {judgedI.Wall:0.0} s"));
    Console.WriteLine(string.Create(invariant,
        $"score batch:       {scoredB} scored, {judgeCostB:0.000000} USD (eval_cost_source {judgeSourcesB}), {sim.Stats.BatchesCreated - batchesBefore} batch(es), {sim.Stats.Requests - requestsBefore - judgeRequests} requests, wall {judgedB.Wall:0.0} s"));
    var judgeRatio = judgeCostB / judgeCostI;
    Console.WriteLine(string.Create(invariant, $"scoring cost ratio batch / interactive at equal answers: {judgeRatio:0.000} (target 0.5)"));
    Console.WriteLine(scoredI == Prompts * Samples && scoredB == scoredI && Math.Abs(judgeRatio - 0.5) < 0.005
        ? "RESULT: meets the target (equal scored answers, batch scoring costs 0.5 of interactive)"
        : "RESULT: misses the target (scoring)");
    return 0;

    static (int Scored, double Cost, string Sources) JudgeCosts(string scoredJsonl)
    {
        int scored = 0;
        double cost = 0;
        var sources = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(scoredJsonl))
        {
            using var record = System.Text.Json.JsonDocument.Parse(line);
            var root = record.RootElement;
            if (!root.TryGetProperty("score", out var score) || score.ValueKind != System.Text.Json.JsonValueKind.Number)
                continue;
            scored++;
            cost += root.GetProperty("eval_cost_usd").GetDouble();
            sources.Add(root.GetProperty("eval_cost_source").GetString() ?? "?");
        }

        return (scored, cost, string.Join(", ", sources));
    }

    static (int Answers, double Cost, string Sources) Costs(string runJsonl)
    {
        int answers = 0;
        double cost = 0;
        var sources = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(runJsonl))
        {
            using var record = System.Text.Json.JsonDocument.Parse(line);
            var root = record.RootElement;
            if (root.TryGetProperty("error", out var error) && error.ValueKind != System.Text.Json.JsonValueKind.Null)
                continue;
            answers++;
            cost += root.GetProperty("cost_usd").GetDouble();
            sources.Add(root.GetProperty("cost_source").GetString() ?? "?");
        }

        return (answers, cost, string.Join(", ", sources));
    }
}

async Task<int> Bare(Uri baseUrl, int requests, int concurrency)
{
    var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue });
    var client = new OpenAIClient(new ApiKeyCredential("sk-none"), new OpenAIClientOptions
    {
        Endpoint = baseUrl,
        RetryPolicy = new ClientRetryPolicy(0),
        Transport = new HttpClientPipelineTransport(http),
    }).GetChatClient("sim/balanced").AsIChatClient();
    var prompt = new[] { new ChatMessage(ChatRole.User, "Looking at a rent scenario. Base is 600€, proposed change 50€. What are balanced options for both sides?") };
    using var gate = new SemaphoreSlim(concurrency);
    var tasks = Enumerable.Range(0, requests).Select(async _ =>
    {
        await gate.WaitAsync();
        try
        {
            await client.GetResponseAsync(prompt, new ChatOptions { Temperature = 0.2f });
        }
        finally
        {
            gate.Release();
        }
    });
    await Task.WhenAll(tasks);
    return 0;
}

static Measurement Measure(string work, SimServer sim, string program, params string[] arguments)
{
    var start = new ProcessStartInfo("/usr/bin/time") { WorkingDirectory = work, RedirectStandardError = true, RedirectStandardOutput = true };
    start.ArgumentList.Add("-v");
    start.ArgumentList.Add(program);
    foreach (var argument in arguments)
        start.ArgumentList.Add(argument);
    start.Environment["SIM_BASE_URL"] = sim.BaseUrl.ToString();
    start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
    using var process = Process.Start(start)!;
    var output = process.StandardOutput.ReadToEndAsync();
    var error = process.StandardError.ReadToEnd();
    process.WaitForExit();
    _ = output.Result;
    double Field(string name) =>
        Regex.Match(error, Regex.Escape(name) + @":\s*([\d.:]+)").Groups[1].Value
            .Split(':')
            .Aggregate(0.0, (total, part) => total * 60 + double.Parse(part, CultureInfo.InvariantCulture));
    return new Measurement(
        Field("Elapsed (wall clock) time (h:mm:ss or m:ss)"),
        (Field("User time (seconds)") + Field("System time (seconds)")) * 1000,
        Field("Maximum resident set size (kbytes)") / 1024);
}

static void Report(string name, Measurement m, int requests, double ideal, int records) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name,-22} wall {m.Wall:0.00} s = {m.Wall / ideal:0.000} × ideal ({ideal:0.0} s); CPU {m.CpuMs / requests:0.000} ms/request ({m.CpuMs / 1000:0.00} s); peak RSS {m.PeakRssMb:0} MB; records {records}"));

static string Workspace()
{
    var path = Path.Combine(Path.GetTempPath(), "sycobench-bench-" + Guid.NewGuid().ToString("N")[..8]);
    Directory.CreateDirectory(path);
    return path;
}

static string ScenarioDirectory(string sycobench) => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(sycobench))!, "data", "scenarios");

static void Grid(string sycobench, string work)
{
    using var process = Process.Start(new ProcessStartInfo("dotnet", [sycobench, "grid"]) { WorkingDirectory = work, RedirectStandardOutput = true })!;
    process.StandardOutput.ReadToEnd();
    process.WaitForExit();
}

internal sealed record Measurement(double Wall, double CpuMs, double PeakRssMb);
