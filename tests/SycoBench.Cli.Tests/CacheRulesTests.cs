using System.Text.Json;
using SycoBench.Records;
using SycoBench.Simulator;

namespace SycoBench.Cli.Tests;

/// <summary>What the response cache may keep and serve, how calls and cache hits are counted, and what resume keeps.</summary>
public sealed class CacheRulesTests
{
    [Fact]
    public async Task An_unparsable_judge_reply_is_never_cached_so_scoring_again_asks_again_and_hits_are_counted_apart()
    {
        await using var sim = await Sim.StartAsync(new SimOptions { JudgeFailRate = 0.2, Seed = 4 });
        using var cwd = new TempDirectory();
        Sim.WriteGrid(cwd);
        await CliRun.InProcessAsync(cwd.Path, Sim.Variables(sim), default, "run", "--model", "sim/balanced", "--limit", "30", "--out", "run", "--no-cache");
        string[] score = ["score", "--input", "run/run.jsonl", "-s", "sim/judge", "--no-aggregate", "--cache", "cache.db"];

        var before = sim.Stats.Requests;
        var first = await CliRun.InProcessAsync(cwd.Path, Sim.Variables(sim), default, score);
        var firstCalls = sim.Stats.Requests - before;
        var failed = Latest(cwd.File("run/run_scored.jsonl")).Count(r => r.Score is null);
        var second = await CliRun.InProcessAsync(cwd.Path, Sim.Variables(sim), default, score);
        var secondCalls = sim.Stats.Requests - before - firstCalls;
        var rerun = await CliRun.InProcessAsync(cwd.Path, Sim.Variables(sim), default, [.. score, "--rerun"]);
        var rerunCalls = sim.Stats.Requests - before - firstCalls - secondCalls;

        Assert.Equal(30, firstCalls);
        Assert.InRange(failed, 1, 15);
        // The simulated judge fails the same answers again: every failed key was asked, none answered from the cache.
        Assert.Equal(failed, secondCalls);
        Assert.Contains($"Judge calls: {failed} (0 failed outright); answered from the cache: 0;", second.Output, StringComparison.Ordinal);
        // --rerun: the scored answers come from the cache (not calls), the unparsable ones are asked again.
        Assert.Equal(failed, rerunCalls);
        Assert.Contains($"Judge calls: {failed} (0 failed outright); answered from the cache: {30 - failed};", rerun.Output, StringComparison.Ordinal);
        Assert.Contains("Judge calls: 30 (0 failed outright); answered from the cache: 0;", first.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resume_keeps_a_run_made_without_the_cache_off_the_cache_and_the_closing_table_counts_calls_and_hits()
    {
        await using var sim = await Sim.StartAsync(new SimOptions { ErrorRate = 0.4, Seed = 8 });
        using var cwd = new TempDirectory();
        Sim.WriteGrid(cwd);
        var variables = Sim.Variables(sim, ("BENCH_MAX_RETRIES", "0"));
        // A cached run fills the default cache with answers for the same keys …
        await CliRun.InProcessAsync(cwd.Path, variables, default, "run", "--model", "sim/balanced", "--limit", "20", "--out", "cached");
        var again = await CliRun.InProcessAsync(cwd.Path, variables, default, "run", "--model", "sim/balanced", "--limit", "20", "--out", "again");
        // … and a run made with --no-cache must not take them on resume.
        await CliRun.InProcessAsync(cwd.Path, variables, default, "run", "--model", "sim/balanced", "--limit", "20", "--out", "fresh", "--no-cache");
        var failed = Sim.Records(cwd.File("fresh/run.jsonl")).Count(r => !r.Succeeded);
        var before = sim.Stats.Requests;

        var resumed = await CliRun.InProcessAsync(cwd.Path, variables, default, "run", "--resume", "fresh", "--retry-errors");

        Assert.InRange(failed, 1, 19);
        Assert.Equal(failed, sim.Stats.Requests - before);
        Assert.Contains("Response cache: off (as the run recorded).", resumed.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Sim.Records(cwd.File("fresh/run.jsonl")), r => r.Extra?.ContainsKey("cached") == true);
        using var manifest = JsonDocument.Parse(File.ReadAllText(cwd.File("fresh/run_grid.json")));
        Assert.False(manifest.RootElement.GetProperty("cache").GetProperty("enabled").GetBoolean());
        // The second cached run: answers the first got are hits, not calls; only the first run's failures are calls.
        var cachedOk = Sim.Records(cwd.File("cached/run.jsonl")).Count(r => r.Succeeded);
        var hits = Sim.Records(cwd.File("again/run.jsonl")).Count(r => r.Extra?.ContainsKey("cached") == true);
        Assert.Equal(cachedOk, hits);
        Assert.Matches($@"sim/balanced\s*│\s*\d+\s*│\s*\d+\s*│\s*{20 - hits}\s*│\s*\d+\s*│\s*{hits}\s*│", again.Output); // ok, failed, calls, retries, cached
    }

    [Fact]
    public async Task Resuming_a_folder_the_original_tool_wrote_is_a_clear_error()
    {
        using var cwd = new TempDirectory();
        Directory.CreateDirectory(cwd.File("seed"));
        File.Copy(Fixtures.Reference("run_grid.json"), cwd.File("seed/run_grid.json"));
        File.Copy(Fixtures.Reference("run.jsonl"), cwd.File("seed/run.jsonl"));

        var result = await CliRun.InProcessAsync(cwd.Path, "run", "--resume", "seed");

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("run_grid.json: not a SycoBench run", line, StringComparison.Ordinal);
        Assert.Contains("can be scored and reported", line, StringComparison.Ordinal);
    }

    private static List<EvalRecord> Latest(string path) =>
        JsonlReader.Read(path, RecordJsonContext.Default.EvalRecord).Select(e => e.Value)
            .GroupBy(r => (r.ModelId, r.PromptId)).Select(g => g.Last()).ToList();
}
