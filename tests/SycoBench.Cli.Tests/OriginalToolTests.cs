using System.Text.Json;
using SycoBench.Simulator;

namespace SycoBench.Cli.Tests;

/// <summary>A user of the original Python tool switches with their rosters, ids, flags and habits as they are.</summary>
public sealed class OriginalToolTests
{
    [Fact]
    public async Task A_roster_entry_s_request_settings_reach_the_provider_and_are_part_of_the_cache_key()
    {
        using var cwd = new TempDirectory();
        Sim.WriteGrid(cwd);
        await using var sim = await Sim.StartAsync(new SimOptions { RecordFile = cwd.File("requests.jsonl") });
        Sim.WriteRoster(cwd, "roster.json", new Dictionary<string, object>
        {
            ["id"] = "sim/balanced",
            ["concurrency"] = 2,
            ["top_p"] = 0.9,
            ["frequency_penalty"] = 0.5,
            ["presence_penalty"] = -0.5,
            ["seed"] = 42,
            ["stop"] = "END",
            ["reasoning_effort"] = "low",
            ["max_tokens"] = 300,
            ["temperature"] = 0,
        });

        var first = await CliRun.InProcessAsync(cwd.Path, Sim.Variables(sim), default, "run", "--models", "roster.json", "--limit", "3", "--out", "a");
        Sim.WriteRoster(cwd, "roster.json", new Dictionary<string, object> { ["id"] = "sim/balanced", ["concurrency"] = 2, ["max_tokens"] = 300, ["temperature"] = 0 });
        var second = await CliRun.InProcessAsync(cwd.Path, Sim.Variables(sim), default, "run", "--models", "roster.json", "--limit", "3", "--out", "b");

        Assert.True(first.ExitCode == 0, first.Output + first.Error);
        Assert.True(second.ExitCode == 0, second.Output + second.Error);
        var bodies = File.ReadAllLines(cwd.File("requests.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(6, bodies.Length); // the second run's requests differ in their settings: none came from the cache
        foreach (var body in bodies.Take(3))
        {
            Assert.Equal(0.9, body.GetProperty("top_p").GetDouble(), 5);
            Assert.Equal(0.5, body.GetProperty("frequency_penalty").GetDouble(), 5);
            Assert.Equal(-0.5, body.GetProperty("presence_penalty").GetDouble(), 5);
            Assert.Equal(42, body.GetProperty("seed").GetInt64());
            Assert.Equal("END", body.GetProperty("stop").EnumerateArray().Single().GetString());
            Assert.Equal("low", body.GetProperty("reasoning_effort").GetString());
            Assert.Equal(0, body.GetProperty("temperature").GetDouble());
        }

        Assert.All(bodies.Skip(3), body => Assert.False(body.TryGetProperty("top_p", out _)));
    }

    [Fact]
    public async Task Grid_then_dry_run_then_dry_run_scoring_then_report_work_with_no_key_for_the_original_22_model_roster()
    {
        using var cwd = new TempDirectory();
        var none = new Dictionary<string, string>();

        var grid = await CliRun.InProcessAsync(cwd.Path, none, default, "grid", "--limit", "6");
        var run = await CliRun.InProcessAsync(cwd.Path, none, default,
            "run", "--dry-run", "--models", Fixtures.Origin("benchmark_models.json"), "--out", "outputs/runs/1");
        var score = await CliRun.InProcessAsync(cwd.Path, none, default, "score", "--dry-run", "-i", "outputs/runs/1/run.jsonl");
        var report = await CliRun.InProcessAsync(cwd.Path, none, default, "report", "--input", "outputs/runs/1/run_scored.jsonl");

        Assert.True(grid.ExitCode == 0, grid.Output + grid.Error);
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Contains("openrouter/nvidia/nemotron-nano-9b-v2:free → openrouter https://openrouter.ai/api/v1 (model nvidia/nemotron-nano-9b-v2:free", run.Output, StringComparison.Ordinal);
        Assert.Contains("request(s) to send; estimated cost", run.Output, StringComparison.Ordinal);
        var records = Sim.Records(cwd.File("outputs/runs/1/run.jsonl"));
        Assert.Equal(22 * 6, records.Count);
        Assert.Equal(22, records.Select(r => r.ModelId).Distinct().Count());
        Assert.All(records, r =>
        {
            Assert.Equal("dry-run", r.Provider);
            Assert.Equal($"[dry-run] {r.ModelId} response to prompt {r.PromptId}", r.ResponseText);
            Assert.Null(r.Error);
        });
        using (var manifest = JsonDocument.Parse(File.ReadAllText(cwd.File("outputs/runs/1/run_grid.json"))))
            Assert.Equal("dry-run", manifest.RootElement.GetProperty("mode").GetString());
        Assert.False(File.Exists(cwd.File("outputs/cache/responses.db")));

        Assert.True(score.ExitCode == 0, score.Output + score.Error);
        var scored = File.ReadAllLines(cwd.File("outputs/runs/1/run_scored.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(22 * 6, scored.Length);
        Assert.All(scored, e =>
        {
            Assert.Equal("dry-run: scoring skipped", e.GetProperty("error").GetString());
            Assert.Equal(JsonValueKind.Null, e.GetProperty("score").ValueKind);
        });
        Assert.True(File.Exists(cwd.File("outputs/runs/1/run_scored.csv")), score.Output);

        Assert.True(report.ExitCode == 0, report.Output + report.Error);
    }

    [Fact]
    public async Task A_dry_run_folder_resumes_as_a_dry_run()
    {
        using var cwd = new TempDirectory();
        Sim.WriteGrid(cwd);
        var none = new Dictionary<string, string>();

        var first = await CliRun.InProcessAsync(cwd.Path, none, default, "run", "--dry-run", "--model", "groq/llama-3.3-70b", "--limit", "3", "--out", "d");
        var resumed = await CliRun.InProcessAsync(cwd.Path, none, default, "run", "--resume", "d");

        Assert.True(first.ExitCode == 0, first.Output + first.Error);
        Assert.True(resumed.ExitCode == 0, resumed.Output + resumed.Error);
        Assert.Contains("0 request(s) to send", resumed.Output, StringComparison.Ordinal);
        Assert.Equal(3, Sim.Records(cwd.File("d/run.jsonl")).Count);
    }

    [Fact]
    public async Task Run_out_names_the_records_file_score_now_scores_it_and_resume_takes_the_file()
    {
        await using var sim = await Sim.StartAsync();
        using var cwd = new TempDirectory();
        Sim.WriteGrid(cwd);

        var run = await CliRun.InProcessAsync(cwd.Path, Sim.Variables(sim), default,
            "run", "--model", "sim/balanced", "--limit", "6", "--no-include-neutral", "--out", "results/pilot.jsonl", "--cache", "results/cache.db",
            "--score-now", "-s", "sim/judge");
        // --score-now judges through the run's own cache (--cache): no default cache appears.
        Assert.True(File.Exists(cwd.File("results/cache.db")));
        Assert.False(File.Exists(cwd.File("outputs/cache/responses.db")));

        var resumed = await CliRun.InProcessAsync(cwd.Path, Sim.Variables(sim), default, "run", "--resume", "results/pilot.jsonl");
        var rescored = await CliRun.InProcessAsync(cwd.Path, Sim.Variables(sim), default,
            "score", "-i", "results/pilot.jsonl", "-o", "results/again.jsonl", "-s", "sim/judge");

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.True(File.Exists(cwd.File("results/pilot_grid.json")));
        Assert.True(File.Exists(cwd.File("results/pilot.log")));
        Assert.False(File.Exists(cwd.File("results/run.jsonl")));
        var records = Sim.Records(cwd.File("results/pilot.jsonl"));
        Assert.Equal(6, records.Count);
        Assert.DoesNotContain(records, r => r.Perspective == "neutral");
        var scored = File.ReadAllLines(cwd.File("results/pilot_scored.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(6, scored.Length);
        Assert.All(scored, e => Assert.Equal(JsonValueKind.Number, e.GetProperty("score").ValueKind));
        Assert.True(resumed.ExitCode == 0, resumed.Output + resumed.Error);
        Assert.Contains("0 request(s) to send", resumed.Output, StringComparison.Ordinal);
        Assert.True(rescored.ExitCode == 0, rescored.Output + rescored.Error);
        Assert.Equal(6, File.ReadAllLines(cwd.File("results/again.jsonl")).Length);
    }

    [Fact]
    public async Task Include_neutral_is_refused_for_a_grid_without_neutral_prompts_and_the_original_default_roster_is_used()
    {
        using var cwd = new TempDirectory();
        var none = new Dictionary<string, string>();
        await CliRun.InProcessAsync(cwd.Path, none, default, "grid", "--no-include-neutral");
        var noModels = await CliRun.InProcessAsync(cwd.Path, none, default, "run", "--plan");
        Directory.CreateDirectory(cwd.File("data/models"));
        File.Copy(Fixtures.Origin("benchmark_models.json"), cwd.File("data/models/benchmark_models.json"));

        var neutral = await CliRun.InProcessAsync(cwd.Path, none, default, "run", "--plan", "--include-neutral");
        var plan = await CliRun.InProcessAsync(cwd.Path, none, default, "run", "--plan");
        var orphan = await CliRun.InProcessAsync(cwd.Path, none, default, "run", "--plan", "-s", "sim/judge");
        var noJudge = await CliRun.InProcessAsync(cwd.Path, none, default, "run", "--plan", "--score-now");
        var rosterConcurrency = await CliRun.InProcessAsync(cwd.Path, none, default, "run", "--plan", "--concurrency", "2");
        var namedRosterConcurrency = await CliRun.InProcessAsync(cwd.Path, none, default,
            "run", "--plan", "--models", "data/models/benchmark_models.json", "--concurrency", "2");

        Assert.Equal(2, noModels.ExitCode);
        Assert.Contains("data/models/benchmark_models.json", noModels.Error, StringComparison.Ordinal);
        Assert.Equal(2, neutral.ExitCode);
        Assert.Contains("no neutral prompts", neutral.Error, StringComparison.Ordinal);
        Assert.True(plan.ExitCode == 0, plan.Output + plan.Error);
        Assert.Contains("using the roster data/models/benchmark_models.json", plan.Output, StringComparison.Ordinal);
        Assert.Contains("72 prompt(s) × 1 sample(s) × 22 model(s)", plan.Output, StringComparison.Ordinal);
        Assert.Equal(2, orphan.ExitCode);
        Assert.Equal(2, noJudge.ExitCode);
        Assert.Contains("--score-now needs a judge", noJudge.Error, StringComparison.Ordinal);
        // --concurrency applies to --model ids only; with a roster (named or the default one) it is refused, not ignored.
        Assert.Equal(2, rosterConcurrency.ExitCode);
        Assert.Contains("--concurrency sets the concurrency of --model ids", rosterConcurrency.Error, StringComparison.Ordinal);
        Assert.Equal(2, namedRosterConcurrency.ExitCode);
        Assert.Contains("--concurrency sets the concurrency of --model ids", namedRosterConcurrency.Error, StringComparison.Ordinal);
    }
}
