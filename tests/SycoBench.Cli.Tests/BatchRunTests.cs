using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SycoBench.Models.Batch;
using SycoBench.Records;
using SycoBench.Simulator;

namespace SycoBench.Cli.Tests;

/// <summary><c>run --batch</c> end to end against the simulator's Batch API over real HTTP on loopback.</summary>
public sealed class BatchRunTests
{
    // sim/balanced priced as a model with a batch discount of half: $1 / $2 per million interactive, $0.50 / $1 batch.
    private static readonly object PricedBalanced = new
    {
        id = "sim/balanced",
        concurrency = 4,
        prices = new { input_per_million = 1.0, output_per_million = 2.0, batch_input_per_million = 0.5, batch_output_per_million = 1.0 },
    };

    private static Dictionary<string, string> Variables(SimServer sim) => Sim.Variables(sim, ("BENCH_BATCH_POLL_S", "0.02"));

    [Fact]
    public async Task Every_answer_is_recorded_at_the_batch_price_from_one_batch_per_model_and_nothing_is_sent_interactively()
    {
        await using var sim = await Sim.StartAsync();
        using var cwd = new TempDirectory();
        Sim.WriteGrid(cwd);
        Sim.WriteRoster(cwd, "roster.json", PricedBalanced, new { id = "sim/sycophant@0.6", concurrency = 4 });

        var result = await CliRun.InProcessAsync(cwd.Path, Variables(sim), default,
            "run", "--models", "roster.json", "--limit", "6", "--samples", "2", "--batch", "--no-cache", "--out", "run");

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains("through the Batch API, at the batch price", result.Output, StringComparison.Ordinal);
        var records = Sim.Records(cwd.File("run/run.jsonl"));
        Assert.Equal(24, records.Count);
        Assert.All(records, r => Assert.Null(r.Error));
        Assert.Equal(2, sim.Stats.BatchesCreated);
        Assert.Equal(0, sim.Stats.Requests);
        var priced = records.Where(r => r.ModelId == "sim/balanced").ToArray();
        Assert.All(priced, r =>
        {
            Assert.Equal("batch-price", Extra(r, "cost_source"));
            Assert.Equal((r.InputTokens!.Value * 0.5 + r.OutputTokens!.Value * 1.0) / 1e6, r.CostUsd!.Value, 12);
            Assert.StartsWith("batch_sim_", Extra(r, "batch_id"), StringComparison.Ordinal);
        });
        // The simulator is free in data/prices.json: its unpriced model costs 0 from the table, not a batch price.
        Assert.All(records.Where(r => r.ModelId != "sim/balanced"), r => Assert.Equal("table", Extra(r, "cost_source")));
        var journal = BatchJournal.Load(cwd.File("run/batches.json"));
        Assert.Equal(2, journal.Entries.Count);
        Assert.All(journal.Entries, e => Assert.True(e.Written && e.BatchId is not null && e.FinalStatus == "completed"));
    }

    [Fact]
    public async Task Failed_lines_become_failure_records_and_retry_errors_sends_only_them_in_a_new_batch()
    {
        await using var sim = await Sim.StartAsync(new SimOptions { BatchFailRate = 0.4, Seed = 7 });
        using var cwd = new TempDirectory();
        Sim.WriteGrid(cwd);
        Sim.WriteRoster(cwd, "roster.json", PricedBalanced);

        var first = await CliRun.InProcessAsync(cwd.Path, Variables(sim), default,
            "run", "--models", "roster.json", "--limit", "12", "--batch", "--no-cache", "--out", "run");

        Assert.Equal(SycoBenchCli.ExitIncomplete, first.ExitCode);
        var failed = Sim.Records(cwd.File("run/run.jsonl")).Where(r => r.Error is not null).ToArray();
        Assert.NotEmpty(failed);
        Assert.All(failed, r => Assert.Contains("the simulated batch line failed", r.Error, StringComparison.Ordinal));
        Assert.Contains("--retry-errors", first.Error, StringComparison.Ordinal);

        var retried = await CliRun.InProcessAsync(cwd.Path, Variables(sim), default, "run", "--resume", "run", "--retry-errors", "--batch");

        var journal = BatchJournal.Load(cwd.File("run/batches.json"));
        Assert.Equal(2, journal.Entries.Count);
        Assert.Equal(failed.Select(r => BatchRunnerCustomId(r)).Order(), journal.Entries[1].CustomIds.Order());
        var latest = Sim.Records(cwd.File("run/run.jsonl")).GroupBy(r => r.PromptId).Select(g => g.Last()).ToArray();
        Assert.Equal(12, latest.Length);
        Assert.True(latest.Count(r => r.Error is not null) < failed.Length, retried.Output + retried.Error);
        Assert.Equal(2, sim.Stats.BatchesCreated);
    }

    [Fact]
    public async Task A_provider_without_a_batch_api_is_refused_by_name_before_any_request()
    {
        using var cwd = new TempDirectory();
        Sim.WriteGrid(cwd);

        var result = await CliRun.InProcessAsync(cwd.Path, new Dictionary<string, string>(), default,
            "run", "--model", "mistral/mistral-small-latest", "--model", "groq/llama-3.3-70b-versatile", "--limit", "2", "--batch", "--out", "run");

        Assert.Equal(SycoBenchCli.ExitUsage, result.ExitCode);
        Assert.Contains("mistral/mistral-small-latest (mistral)", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("groq/llama", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(cwd.File("run")));
    }

    [Fact]
    public async Task Cache_hits_are_not_sent_in_a_batch_and_batch_answers_fill_the_cache()
    {
        await using var sim = await Sim.StartAsync();
        using var cwd = new TempDirectory();
        Sim.WriteGrid(cwd);
        Sim.WriteRoster(cwd, "roster.json", PricedBalanced);

        var first = await CliRun.InProcessAsync(cwd.Path, Variables(sim), default, "run", "--models", "roster.json", "--limit", "4", "--batch", "--out", "a");
        var second = await CliRun.InProcessAsync(cwd.Path, Variables(sim), default, "run", "--models", "roster.json", "--limit", "6", "--batch", "--out", "b");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        var records = Sim.Records(cwd.File("b/run.jsonl"));
        Assert.Equal(4, records.Count(r => r.Extra?.ContainsKey("cached") == true));
        var journal = BatchJournal.Load(cwd.File("b/batches.json"));
        Assert.Equal(2, journal.Entries.Single().CustomIds.Count);
        Assert.Equal(2, sim.Stats.BatchesCreated);
    }

    [Fact]
    public async Task A_process_killed_while_polling_re_attaches_on_resume_and_pays_nothing_twice()
    {
        // The simulator's clock is fake: its batch completes only when the test moves the clock past the delay.
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-03T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var sim = await SimServer.StartAsync(
            new SimOptions { Port = 0, BatchDelaySeconds = 3600, ScenarioDirectories = [Sim.ScenarioDirectory] }, timeProvider: clock);
        using var cwd = new TempDirectory();
        Sim.WriteGrid(cwd);
        Sim.WriteRoster(cwd, "roster.json", PricedBalanced);
        var variables = Variables(sim).ToDictionary(v => v.Key, v => (string?)v.Value);

        using (var process = CliRun.Start(cwd.Path, variables, "run", "--models", "roster.json", "--limit", "8", "--batch", "--no-cache", "--out", "run"))
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (DateTime.UtcNow < deadline && sim.Stats.BatchPolls < 3 && !process.HasExited)
                await Task.Delay(20);
            Assert.False(process.HasExited, "the run ended before it was killed");
            Assert.True(sim.Stats.BatchPolls >= 3, "the run did not poll its batch within 30 s");
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        var journal = BatchJournal.Load(cwd.File("run/batches.json"));
        var entry = Assert.Single(journal.Entries);
        Assert.False(entry.Written);
        Assert.NotNull(entry.BatchId);
        Assert.False(File.Exists(cwd.File("run/run.jsonl")) && File.ReadAllLines(cwd.File("run/run.jsonl")).Length > 0);

        clock.Advance(TimeSpan.FromHours(1));
        var resumed = await CliRun.InProcessAsync(cwd.Path, Variables(sim), default, "run", "--resume", "run");

        Assert.True(resumed.ExitCode == 0, resumed.Output + resumed.Error);
        Assert.Contains("re-attaching", resumed.Output, StringComparison.Ordinal);
        Assert.Equal(1, sim.Stats.BatchesCreated);
        Assert.Equal(1, sim.Stats.FilesUploaded);
        var records = Sim.Records(cwd.File("run/run.jsonl"));
        Assert.Equal(8, records.Count);
        Assert.All(records, r => Assert.Equal(entry.BatchId, Extra(r, "batch_id")));
        Assert.All(records, r => Assert.Equal("batch-price", Extra(r, "cost_source")));
        Assert.True(BatchJournal.Load(cwd.File("run/batches.json")).Entries.Single().Written);

        var again = await CliRun.InProcessAsync(cwd.Path, Variables(sim), default, "run", "--resume", "run", "--batch");
        Assert.Equal(0, again.ExitCode);
        Assert.Equal(8, Sim.Records(cwd.File("run/run.jsonl")).Count);
        Assert.Equal(1, sim.Stats.BatchesCreated);
    }

    [Fact]
    public async Task A_batch_created_but_not_recorded_is_found_again_by_its_input_file()
    {
        await using var sim = await Sim.StartAsync();
        using var cwd = new TempDirectory();
        using var http = new HttpClient();
        var client = new BatchApiClient(http, sim.BaseUrl, null);
        var line = """{"custom_id": "p#0", "method": "POST", "url": "/v1/chat/completions", "body": {"model": "sim/balanced", "messages": [{"role": "user", "content": "hi"}]}}""";
        var fileId = await client.UploadAsync(System.Text.Encoding.UTF8.GetBytes(line + "\n"), "b.jsonl");
        var created = await client.CreateAsync(fileId);
        var journal = BatchJournal.Load(cwd.File("batches.json"));
        var entry = journal.AddUploaded("sim/balanced", fileId, sim.BaseUrl.ToString(), "2026-12-03T12:00:00Z", ["p#0"]);
        var registry = SycoBench.Models.ProviderRegistry.Load(Path.Combine(AppContext.BaseDirectory, "data", "providers.json"));
        var route = registry.Route(new SycoBench.Models.ModelEntry { Id = "sim/balanced", Concurrency = 1 }, name => name == "SIM_BASE_URL" ? sim.BaseUrl.ToString() : null);
        using var log = new SycoBench.Running.RunLog(null, SycoBench.Running.RunLogLevel.Info, TimeProvider.System);
        var session = new BatchSession(client, journal, route, log, TimeProvider.System, TimeSpan.FromMilliseconds(10));

        var attached = await session.AttachAsync(entry);

        Assert.Equal(created.Id, attached.BatchId);
        Assert.Equal(created.Id, BatchJournal.Load(cwd.File("batches.json")).Entries.Single().BatchId);
        Assert.Equal(1, sim.Stats.BatchesCreated);
    }

    private static string BatchRunnerCustomId(RunRecord record) => SycoBench.Running.BatchRunner.CustomId(record.PromptId, record.SampleIndex);

    private static string? Extra(RunRecord record, string name) =>
        record.Extra?.TryGetValue(name, out var value) == true && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
