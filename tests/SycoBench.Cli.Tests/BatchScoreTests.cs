using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SycoBench.Models.Batch;
using SycoBench.Records;
using SycoBench.Simulator;

namespace SycoBench.Cli.Tests;

/// <summary><c>score --batch</c> end to end against the simulator's Batch API over real HTTP on loopback.</summary>
public sealed class BatchScoreTests
{
    // sim/judge priced with a batch discount of half: $1 / $2 per million interactive, $0.50 / $1 batch.
    private static readonly object PricedJudge = new
    {
        id = "sim/judge",
        concurrency = 4,
        prices = new { input_per_million = 1.0, output_per_million = 2.0, batch_input_per_million = 0.5, batch_output_per_million = 1.0 },
    };

    private static Dictionary<string, string> Variables(SimServer sim) => Sim.Variables(sim, ("BENCH_BATCH_POLL_S", "0.02"));

    /// <summary>A run of <paramref name="answers"/> answers of sim/balanced in <c>run/run.jsonl</c>, and the judge roster.</summary>
    private static async Task WriteRunAsync(TempDirectory cwd, int answers)
    {
        await using var sim = await Sim.StartAsync();
        Sim.WriteGrid(cwd);
        Sim.WriteRoster(cwd, "judges.json", PricedJudge);
        var run = await CliRun.InProcessAsync(cwd.Path, Sim.Variables(sim), default,
            "run", "--model", "sim/balanced", "--limit", answers.ToString(CultureInfo.InvariantCulture), "--no-cache", "--out", "run");
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
    }

    [Fact]
    public async Task Batch_scores_equal_interactive_scores_at_the_batch_price_from_one_batch_and_no_interactive_call()
    {
        using var cwd = new TempDirectory();
        await WriteRunAsync(cwd, 6);
        await using var sim = await Sim.StartAsync();

        var interactive = await CliRun.InProcessAsync(cwd.Path, Variables(sim), default,
            "score", "-i", "run/run.jsonl", "-o", "run/interactive_scored.jsonl", "--models", "judges.json", "-s", "sim/judge", "--judge-repeats", "2", "--no-cache", "--no-aggregate");
        Assert.True(interactive.ExitCode == 0, interactive.Output + interactive.Error);
        var interactiveCalls = sim.Stats.Requests;
        var batch = await CliRun.InProcessAsync(cwd.Path, Variables(sim), default,
            "score", "-i", "run/run.jsonl", "-o", "run/batch_scored.jsonl", "--models", "judges.json", "-s", "sim/judge", "--judge-repeats", "2", "--no-cache", "--no-aggregate", "--batch");

        Assert.True(batch.ExitCode == 0, batch.Output + batch.Error);
        Assert.Contains("through the Batch API, at the batch price", batch.Output, StringComparison.Ordinal);
        Assert.Contains("Batch API: 12 judge call(s) sent at the batch price", batch.Output, StringComparison.Ordinal);
        Assert.Equal(12, interactiveCalls);
        Assert.Equal(interactiveCalls, sim.Stats.Requests);
        Assert.Equal(1, sim.Stats.BatchesCreated);
        var byInteractive = Evals(cwd.File("run/interactive_scored.jsonl")).ToDictionary(e => e.PromptId);
        var byBatch = Evals(cwd.File("run/batch_scored.jsonl"));
        Assert.Equal(6, byBatch.Count);
        var batchId = BatchJournal.Load(cwd.File("run/batch_scored.batches.json")).Entries.Single().BatchId;
        foreach (var record in byBatch)
        {
            var twin = byInteractive[record.PromptId];
            Assert.NotNull(record.Score);
            Assert.Equal(twin.Score, record.Score);
            Assert.Equal(twin.EvalInputTokens, record.EvalInputTokens);
            Assert.Equal(twin.EvalOutputTokens, record.EvalOutputTokens);
            Assert.Equal("batch-price", Extra(record, "eval_cost_source"));
            Assert.Equal("roster", Extra(twin, "eval_cost_source"));
            Assert.Equal((record.EvalInputTokens!.Value * 0.5 + record.EvalOutputTokens!.Value * 1.0) / 1e6, record.EvalCostUsd!.Value, 12);
            Assert.Equal(twin.EvalCostUsd!.Value / 2, record.EvalCostUsd!.Value, 12);
            Assert.Equal(batchId, Extra(record, "eval_batch_id"));
            Assert.Null(Extra(twin, "eval_batch_id"));
        }

        Assert.True(BatchJournal.Load(cwd.File("run/batch_scored.batches.json")).Entries.Single().Written);
    }

    [Fact]
    public async Task A_process_killed_while_polling_re_attaches_when_run_again_and_pays_nothing_twice()
    {
        using var cwd = new TempDirectory();
        await WriteRunAsync(cwd, 8);
        // The simulator's clock is fake: its batch completes only when the test moves the clock past the delay.
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-03T12:00:00Z", CultureInfo.InvariantCulture));
        await using var sim = await SimServer.StartAsync(
            new SimOptions { Port = 0, BatchDelaySeconds = 3600, ScenarioDirectories = [Sim.ScenarioDirectory] }, timeProvider: clock);
        string[] score = ["score", "-i", "run/run.jsonl", "--models", "judges.json", "-s", "sim/judge", "--no-aggregate"];

        using (var process = CliRun.Start(cwd.Path, Variables(sim).ToDictionary(v => v.Key, v => (string?)v.Value), [.. score, "--batch", "--no-cache"]))
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (DateTime.UtcNow < deadline && sim.Stats.BatchPolls < 3 && !process.HasExited)
                await Task.Delay(20);
            Assert.False(process.HasExited, "the scoring ended before it was killed");
            Assert.True(sim.Stats.BatchPolls >= 3, "the scoring did not poll its batch within 30 s");
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        var entry = Assert.Single(BatchJournal.Load(cwd.File("run/run_scored.batches.json")).Entries);
        Assert.False(entry.Written);
        Assert.NotNull(entry.BatchId);
        Assert.Equal(8, entry.CustomIds.Count);
        Assert.Empty(File.Exists(cwd.File("run/run_scored.jsonl")) ? Evals(cwd.File("run/run_scored.jsonl")) : []);

        clock.Advance(TimeSpan.FromHours(1));
        var resumed = await CliRun.InProcessAsync(cwd.Path, Variables(sim), default, [.. score, "--no-cache"]);

        Assert.True(resumed.ExitCode == 0, resumed.Output + resumed.Error);
        Assert.Contains("re-attaching", resumed.Output, StringComparison.Ordinal);
        Assert.Contains("0 judge call(s) sent at the batch price, 8 collected from batches sent before", resumed.Output, StringComparison.Ordinal);
        Assert.Equal(1, sim.Stats.BatchesCreated);
        Assert.Equal(1, sim.Stats.FilesUploaded);
        Assert.Equal(0, sim.Stats.Requests);
        var records = Evals(cwd.File("run/run_scored.jsonl"));
        Assert.Equal(8, records.Count);
        Assert.All(records, r => Assert.NotNull(r.Score));
        Assert.All(records, r => Assert.Equal(entry.BatchId, Extra(r, "eval_batch_id")));
        Assert.All(records, r => Assert.Equal("batch-price", Extra(r, "eval_cost_source")));
        Assert.True(BatchJournal.Load(cwd.File("run/run_scored.batches.json")).Entries.Single().Written);

        var again = await CliRun.InProcessAsync(cwd.Path, Variables(sim), default, [.. score, "--batch"]);
        Assert.True(again.ExitCode == 0, again.Output + again.Error);
        Assert.Equal(8, Evals(cwd.File("run/run_scored.jsonl")).Count);
        Assert.Equal(1, sim.Stats.BatchesCreated);
        Assert.Equal(0, sim.Stats.Requests);
    }

    [Fact]
    public async Task Failed_lines_become_failure_records_and_scoring_again_sends_only_them_in_a_new_batch()
    {
        using var cwd = new TempDirectory();
        await WriteRunAsync(cwd, 12);
        await using var sim = await Sim.StartAsync(new SimOptions { BatchFailRate = 0.4, Seed = 7 });
        string[] score = ["score", "-i", "run/run.jsonl", "--models", "judges.json", "-s", "sim/judge", "--no-aggregate", "--batch", "--no-cache"];

        var first = await CliRun.InProcessAsync(cwd.Path, Variables(sim), default, score);

        Assert.Equal(SycoBenchCli.ExitIncomplete, first.ExitCode);
        var failed = Evals(cwd.File("run/run_scored.jsonl")).Where(r => r.Score is null).ToArray();
        Assert.NotEmpty(failed);
        Assert.All(failed, r => Assert.Contains("the simulated batch line failed", r.Error, StringComparison.Ordinal));
        Assert.Contains("Run the same command again to judge them again", first.Error, StringComparison.Ordinal);

        await CliRun.InProcessAsync(cwd.Path, Variables(sim), default, score);

        var journal = BatchJournal.Load(cwd.File("run/run_scored.batches.json"));
        Assert.Equal(2, journal.Entries.Count);
        Assert.Equal(failed.Length, journal.Entries[1].CustomIds.Count);
        Assert.All(journal.Entries, e => Assert.True(e.Written));
        var latest = Evals(cwd.File("run/run_scored.jsonl")).GroupBy(r => r.PromptId).Select(g => g.Last()).ToArray();
        Assert.Equal(12, latest.Length);
        Assert.True(latest.Count(r => r.Score is null) < failed.Length);
        Assert.Equal(2, sim.Stats.BatchesCreated);
        Assert.Equal(0, sim.Stats.Requests);
    }

    [Fact]
    public async Task The_cost_limit_counts_the_batch_at_the_batch_price_before_submitting_and_keeps_the_rest_for_the_next_run()
    {
        using var cwd = new TempDirectory();
        await WriteRunAsync(cwd, 6);
        await using var sim = await Sim.StartAsync();
        // Priced so that one judge call's worst case is about a cent at the batch price (two at the interactive price).
        Sim.WriteRoster(cwd, "judges.json", new
        {
            id = "sim/judge",
            concurrency = 4,
            max_tokens = 1000,
            prices = new { input_per_million = 20.0, output_per_million = 20.0, batch_input_per_million = 10.0, batch_output_per_million = 10.0 },
        });

        var result = await CliRun.InProcessAsync(cwd.Path, Variables(sim), default,
            "score", "-i", "run/run.jsonl", "--models", "judges.json", "-s", "sim/judge", "--no-aggregate", "--batch", "--no-cache", "--max-cost", "0.045");

        Assert.Equal(SycoBenchCli.ExitIncomplete, result.ExitCode);
        Assert.Contains("stopped at the cost limit", result.Error, StringComparison.Ordinal);
        var sent = BatchJournal.Load(cwd.File("run/run_scored.batches.json")).Entries.Single().CustomIds.Count;
        var records = Evals(cwd.File("run/run_scored.jsonl"));
        // Each worst case is the prompt's tokens plus 1,000 reply tokens at $10 per million: over 1 cent, so at most 4 fit.
        Assert.InRange(sent, 1, 4);
        Assert.Equal(sent, records.Count);
        Assert.All(records, r => Assert.NotNull(r.Score));
        Assert.True(records.Sum(r => r.EvalCostUsd!.Value) <= 0.045);
        Assert.Equal(1, sim.Stats.BatchesCreated);
        Assert.Equal(0, sim.Stats.Requests);
    }

    [Fact]
    public async Task Two_answers_with_the_same_conversation_share_one_line_and_only_one_is_paid()
    {
        using var cwd = new TempDirectory();
        await WriteRunAsync(cwd, 15);
        // rent-v1's prompts 002 and 014 have the same wording; give 014 the answer of 002, so both judge calls are one.
        var lines = File.ReadAllLines(cwd.File("run/run.jsonl")).Select(l => System.Text.Json.Nodes.JsonNode.Parse(l)!.AsObject()).ToArray();
        var source = lines.Single(l => (string?)l["prompt_id"] == "002");
        var copy = lines.Single(l => (string?)l["prompt_id"] == "014");
        Assert.Equal(source["messages"]!.ToJsonString(), copy["messages"]!.ToJsonString());
        copy["response_text"] = (string?)source["response_text"];
        File.WriteAllLines(cwd.File("run/run.jsonl"), lines.Select(l => l.ToJsonString()));
        await using var sim = await Sim.StartAsync();

        var result = await CliRun.InProcessAsync(cwd.Path, Variables(sim), default,
            "score", "-i", "run/run.jsonl", "--models", "judges.json", "-s", "sim/judge", "--no-aggregate", "--batch", "--no-cache");

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Equal(14, BatchJournal.Load(cwd.File("run/run_scored.batches.json")).Entries.Single().CustomIds.Count);
        var records = Evals(cwd.File("run/run_scored.jsonl")).ToDictionary(r => r.PromptId);
        Assert.Equal(15, records.Count);
        Assert.Equal(records["002"].Score, records["014"].Score);
        var verdicts = new[] { "002", "014" }.Select(id => records[id].Extra!["judges"][0].TryGetProperty("cached", out var cached) && cached.GetBoolean()).ToArray();
        Assert.Equal(1, verdicts.Count(c => c));
        Assert.Contains("Judge calls: 14 (0 failed outright); answered from the cache: 1", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Judges_without_a_batch_api_are_refused_by_name_before_any_request()
    {
        using var cwd = new TempDirectory();

        var result = await CliRun.InProcessAsync(cwd.Path, new Dictionary<string, string>(), default,
            "score", "-i", "run.jsonl", "-s", "mistral/mistral-small-latest", "-s", "groq/llama-3.3-70b-versatile", "--batch");
        var offline = await CliRun.InProcessAsync(cwd.Path, new Dictionary<string, string>(), default,
            "score", "-i", "run.jsonl", "-s", "offline:model.zip", "--batch");

        Assert.Equal(SycoBenchCli.ExitUsage, result.ExitCode);
        Assert.Contains("no Batch API for judge mistral/mistral-small-latest (mistral)", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("groq/llama", result.Error, StringComparison.Ordinal);
        Assert.Equal(SycoBenchCli.ExitUsage, offline.ExitCode);
        Assert.Contains("offline:model.zip", offline.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(cwd.Path));
    }

    private static List<EvalRecord> Evals(string path) =>
        JsonlReader.Read(path, RecordJsonContext.Default.EvalRecord).Select(e => e.Value).ToList();

    private static string? Extra(EvalRecord record, string name) =>
        record.Extra?.TryGetValue(name, out var value) == true && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
