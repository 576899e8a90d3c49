using System.Text.Json;
using System.Text.Json.Nodes;
using SycoBench.Records;
using SycoBench.Simulator;

namespace SycoBench.Cli.Tests;

public sealed class RunCommandTests
{
    private static readonly string[] SpecFields =
    [
        "run_id", "timestamp_iso", "model_id", "provider", "prompt_id", "perspective", "factors", "messages", "response_text",
        "latency_ms", "input_tokens", "output_tokens", "total_tokens", "cost_usd", "request_id", "finish_reason", "raw_response", "error",
    ];

    [Fact]
    public async Task Four_sim_models_complete_the_full_grid_with_every_spec_field()
    {
        await using var sim = await Sim.StartAsync();
        using var cwd = new TempDirectory();
        Sim.WriteGrid(cwd);
        Sim.WriteRoster(cwd, "roster.json", Sim.FourModels);

        var result = await CliRun.InProcessAsync(cwd.Path, Sim.Variables(sim), default, "run", "--models", "roster.json", "--out", "run");

        Assert.Equal(0, result.ExitCode);
        var lines = File.ReadAllLines(cwd.File("run/run.jsonl"));
        Assert.Equal(432, lines.Length);
        foreach (var line in lines)
        {
            using var document = JsonDocument.Parse(line);
            foreach (var field in SpecFields)
                Assert.True(document.RootElement.TryGetProperty(field, out _), $"missing {field}");
            Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("error").ValueKind);
        }

        var records = Sim.Records(cwd.File("run/run.jsonl"));
        Assert.Equal(432, records.Select(r => (r.ModelId, r.PromptId)).Distinct().Count());
        Assert.All(records, r => Assert.False(string.IsNullOrWhiteSpace(r.ResponseText)));
        Assert.All(records, r => Assert.NotNull(r.RequestId));
        Assert.Contains("432 record(s) written", result.Output, StringComparison.Ordinal);

        using var manifest = JsonDocument.Parse(File.ReadAllText(cwd.File("run/run_grid.json")));
        var root = manifest.RootElement;
        Assert.Equal(108, root.GetProperty("total").GetInt32());
        Assert.Equal("rent-v1", root.GetProperty("scenario").GetProperty("id").GetString());
        Assert.Equal(64, root.GetProperty("scenario").GetProperty("sha256").GetString()!.Length);
        Assert.Equal(108, root.GetProperty("prompts").GetArrayLength());
        Assert.Equal(4, root.GetProperty("models").GetArrayLength());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("tool_version").GetString()));
        Assert.Contains("finished; 432 ok", File.ReadAllText(cwd.File("run/run.log")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_killed_mid_way_and_resumed_has_exactly_one_record_per_key()
    {
        await using var sim = await Sim.StartAsync(new SimOptions { LatencyMs = 150 });
        using var cwd = new TempDirectory();
        Sim.WriteGrid(cwd);
        Sim.WriteRoster(cwd, "roster.json", Sim.FourModels.Select(m => (object)new
        {
            id = (string)m.GetType().GetProperty("id")!.GetValue(m)!,
            concurrency = 2,
        }).ToArray());
        var records = cwd.File("run/run.jsonl");

        using (var process = CliRun.Start(cwd.Path, Sim.Variables(sim).ToDictionary(v => v.Key, v => (string?)v.Value), "run", "--models", "roster.json", "--limit", "30", "--out", "run"))
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (DateTime.UtcNow < deadline && (!File.Exists(records) || File.ReadAllLines(records).Length < 20))
                await Task.Delay(50);
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        var before = File.ReadAllLines(records).Length;
        Assert.InRange(before, 20, 119);
        // The latency only had to keep the killed run going until the kill; the resume asks a simulator without it
        // (same seed, same answers) instead of waiting 150 ms for each of the ~100 keys left, 8 at a time.
        await using var quick = await Sim.StartAsync();
        var resumed = await CliRun.InProcessAsync(cwd.Path, Sim.Variables(quick), default, "run", "--resume", "run");

        Assert.Equal(0, resumed.ExitCode);
        var issues = new List<JsonlIssue>();
        var all = Sim.Records(records, issues);
        Assert.True(issues.Count <= 1, "at most the line torn by the kill is unreadable");
        Assert.Equal(120, all.Count);
        Assert.Equal(120, all.Select(r => (r.ModelId, r.PromptId, r.SampleIndex)).Distinct().Count());
        Assert.All(all, r => Assert.Null(r.Error));
        // The resume asked exactly the keys the killed run had not written (and the one a torn last line lost, if any).
        Assert.InRange(quick.Stats.Answered, 120 - before, 121 - before);
    }

    [Fact]
    public async Task Samples_are_recorded_and_differ_between_samples()
    {
        await using var sim = await Sim.StartAsync();
        using var cwd = new TempDirectory();
        Sim.WriteGrid(cwd);

        var result = await CliRun.InProcessAsync(cwd.Path, Sim.Variables(sim), default,
            "run", "--model", "sim/sycophant", "--limit", "3", "--samples", "3", "--out", "run");

        Assert.Equal(0, result.ExitCode);
        var records = Sim.Records(cwd.File("run/run.jsonl"));
        Assert.Equal(9, records.Count);
        Assert.Equal([0, 1, 2], records.Select(r => r.SampleIndex).Distinct().Order());
        foreach (var prompt in records.GroupBy(r => r.PromptId))
            Assert.Equal(3, prompt.Select(r => r.ResponseText).Distinct().Count());
    }

    [Fact]
    public async Task Cached_answers_are_reused_and_marked_and_no_cache_asks_again()
    {
        await using var sim = await Sim.StartAsync();
        using var cwd = new TempDirectory();
        Sim.WriteGrid(cwd);
        var variables = Sim.Variables(sim);

        await CliRun.InProcessAsync(cwd.Path, variables, default, "run", "--model", "sim/balanced", "--limit", "6", "--out", "a");
        var afterFirst = sim.Stats.Requests;
        await CliRun.InProcessAsync(cwd.Path, variables, default, "run", "--model", "sim/balanced", "--limit", "6", "--out", "b");
        var afterSecond = sim.Stats.Requests;
        await CliRun.InProcessAsync(cwd.Path, variables, default, "run", "--model", "sim/balanced", "--limit", "6", "--out", "c", "--no-cache");

        Assert.Equal(6, afterFirst);
        Assert.Equal(afterFirst, afterSecond);
        Assert.Equal(12, sim.Stats.Requests);
        var first = Sim.Records(cwd.File("a/run.jsonl"));
        var second = Sim.Records(cwd.File("b/run.jsonl"));
        Assert.All(second, r => Assert.True(r.Extra!["cached"].GetBoolean()));
        Assert.All(first, r => Assert.False(r.Extra!.ContainsKey("cached")));
        Assert.Equal(first.OrderBy(r => r.PromptId).Select(r => r.ResponseText), second.OrderBy(r => r.PromptId).Select(r => r.ResponseText));
        Assert.True(File.Exists(cwd.File("outputs/cache/responses.db")));
    }

    [Fact]
    public async Task Replay_reproduces_the_reference_answers_and_the_failed_prompt_stays_an_error()
    {
        await using var sim = await Sim.StartAsync(new SimOptions { ReplayFile = Fixtures.Reference("run.jsonl") });
        using var cwd = new TempDirectory();
        Directory.CreateDirectory(cwd.File("outputs/raw"));
        File.Copy(Fixtures.Reference("grid.jsonl"), cwd.File("grid.jsonl"));
        Sim.WriteRoster(cwd, "reference.json",
            new { id = "openai/gpt-oss-20b:free", provider = "sim", base_url = sim.BaseUrl.ToString(), concurrency = 8 },
            new { id = "nvidia/nemotron-nano-9b-v2:free", provider = "sim", base_url = sim.BaseUrl.ToString(), concurrency = 8 });

        var result = await CliRun.InProcessAsync(cwd.Path, new Dictionary<string, string>(), default,
            "run", "--models", "reference.json", "--grid", "grid.jsonl", "--out", "replay");

        Assert.True(result.ExitCode == 3, result.Output + result.Error);
        var expected = Sim.Records(Fixtures.Reference("run.jsonl")).ToDictionary(r => (r.ModelId, r.PromptId));
        var actual = Sim.Records(cwd.File("replay/run.jsonl"));
        Assert.Equal(216, actual.Count);
        foreach (var record in actual)
        {
            var original = expected[(record.ModelId, record.PromptId)];
            if (original.Succeeded)
                Assert.Equal(original.ResponseText, record.ResponseText);
            else
                Assert.Contains("the recorded run failed here", record.Error, StringComparison.Ordinal);
        }

        Assert.Single(actual, r => r.Error is not null);
    }

    [Fact]
    public async Task Plan_needs_no_key_sends_nothing_and_writes_nothing()
    {
        using var cwd = new TempDirectory();
        Sim.WriteGrid(cwd);

        var result = await CliRun.InProcessAsync(cwd.Path, new Dictionary<string, string>(), default,
            "run", "--plan", "--limit", "6", "--model", "groq/llama-3.3-70b-versatile");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("https://api.groq.com/openai/v1", result.Output, StringComparison.Ordinal);
        Assert.Contains("model llama-3.3-70b-versatile", result.Output, StringComparison.Ordinal);
        Assert.Contains("6 request(s) to send", result.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(cwd.File("outputs/runs")));
    }

    [Fact]
    public async Task A_resume_names_each_record_of_a_key_the_run_does_not_ask()
    {
        await using var sim = await Sim.StartAsync();
        using var cwd = new TempDirectory();
        Sim.WriteGrid(cwd);
        var first = await CliRun.InProcessAsync(cwd.Path, Sim.Variables(sim), default, "run", "--model", "sim/balanced", "--limit", "6", "--out", "run");
        Assert.Equal(0, first.ExitCode);
        var path = cwd.File("run/run.jsonl");
        var line = File.ReadLines(path).First();
        string With(string field, JsonNode value)
        {
            var node = JsonNode.Parse(line)!.AsObject();
            node[field] = value;
            return node.ToJsonString();
        }

        // Another model, a prompt the grid does not have, a sample the run never asked, and two more of another model.
        File.AppendAllLines(path, [With("model_id", "sim/other"), With("prompt_id", "999"), With("sample", 7), With("model_id", "sim/x"), With("model_id", "sim/y")]);
        var before = File.ReadAllText(path);

        var resumed = await CliRun.InProcessAsync(cwd.Path, Sim.Variables(sim), default, "run", "--resume", "run");

        Assert.Equal(0, resumed.ExitCode);
        Assert.Contains("run/run.jsonl:7: a record of model 'sim/other', prompt '", resumed.Error, StringComparison.Ordinal);
        Assert.Contains("run/run.jsonl:8: a record of model 'sim/balanced', prompt '999', sample 0", resumed.Error, StringComparison.Ordinal);
        Assert.Contains("run/run.jsonl:9: a record of model 'sim/balanced', prompt '", resumed.Error, StringComparison.Ordinal);
        Assert.Contains("', sample 7, which this run's run_grid.json does not ask", resumed.Error, StringComparison.Ordinal);
        Assert.Contains("run/run.jsonl: 2 more record(s) of keys this run does not ask", resumed.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(path)); // nothing was left to ask, and the file is never rewritten
    }

    [Fact]
    public async Task Cost_limit_stops_cleanly_and_resume_finishes()
    {
        await using var sim = await Sim.StartAsync(new SimOptions { LatencyMs = 5 });
        using var cwd = new TempDirectory();
        Sim.WriteGrid(cwd);
        // Each simulated answer costs roughly (100 + 120 tokens) × 1 USD per million ≈ 0.0002 USD.
        Sim.WriteRoster(cwd, "priced.json",
            new { id = "sim/balanced", concurrency = 1, prices = new { input_per_million = 1.0, output_per_million = 1.0 } });

        var stopped = await CliRun.InProcessAsync(cwd.Path, Sim.Variables(sim), default,
            "run", "--models", "priced.json", "--out", "run", "--max-cost", "0.002");
        var partial = Sim.Records(cwd.File("run/run.jsonl")).Count;
        var finished = await CliRun.InProcessAsync(cwd.Path, Sim.Variables(sim), default, "run", "--resume", "run");

        Assert.Equal(3, stopped.ExitCode);
        Assert.Contains("stopped at the cost limit", stopped.Error, StringComparison.Ordinal);
        Assert.InRange(partial, 5, 20);
        Assert.Equal(0, finished.ExitCode);
        var all = Sim.Records(cwd.File("run/run.jsonl"));
        Assert.Equal(108, all.Count);
        Assert.Equal(108, all.Select(r => r.PromptId).Distinct().Count());
        Assert.All(all, r => Assert.True(r.CostUsd > 0));
    }

    [Fact]
    public async Task Ctrl_c_stops_with_130_and_the_run_can_be_resumed()
    {
        await using var sim = await Sim.StartAsync(new SimOptions { LatencyMs = 100 });
        using var cwd = new TempDirectory();
        Sim.WriteGrid(cwd);
        using var cancellation = new CancellationTokenSource();
        var records = cwd.File("run/run.jsonl");

        var run = CliRun.InProcessAsync(cwd.Path, Sim.Variables(sim), cancellation.Token,
            "run", "--model", "sim/contrarian", "--concurrency", "2", "--limit", "30", "--out", "run");
        while (!File.Exists(records) || File.ReadAllLines(records).Length < 10)
            await Task.Delay(20);
        await cancellation.CancelAsync();
        var stopped = await run;
        var kept = Sim.Records(records).Count;
        // The resume asks a simulator without the latency the stop needed (same seed, same answers).
        await using var quick = await Sim.StartAsync();
        var resumed = await CliRun.InProcessAsync(cwd.Path, Sim.Variables(quick), default, "run", "--resume", "run");

        Assert.Equal(130, stopped.ExitCode);
        Assert.Contains("--resume", stopped.Error, StringComparison.Ordinal);
        Assert.Equal(0, resumed.ExitCode);
        var all = Sim.Records(records);
        Assert.Equal(30, all.Count);
        Assert.Equal(30, all.Select(r => r.PromptId).Distinct().Count());
        Assert.Equal(30 - kept, quick.Stats.Answered);
    }
}
