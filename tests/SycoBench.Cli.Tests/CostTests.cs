using System.Text.Json;
using SycoBench.Simulator;

namespace SycoBench.Cli.Tests;

/// <summary>Cost is never invented: prices, cost sources, unknown costs, and budgets that hold, end to end.</summary>
public sealed class CostTests
{
    [Fact]
    public async Task Max_cost_with_an_unpriced_base_url_model_exits_2_before_sending_anything()
    {
        await using var sim = await Sim.StartAsync();
        using var cwd = new TempDirectory();
        Sim.WriteGrid(cwd);
        Sim.WriteRoster(cwd, "roster.json",
            new { id = "sim/balanced", base_url = sim.BaseUrl.ToString(), concurrency = 2 },
            new { id = "sim/contrarian", concurrency = 2 });

        var result = await CliRun.InProcessAsync(cwd.Path, Sim.Variables(sim), default, "run", "--models", "roster.json", "--max-cost", "1", "--out", "run");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--max-cost cannot hold: no price is known for model sim/balanced;", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("sim/contrarian", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, sim.Stats.Requests);
        Assert.False(Directory.Exists(cwd.File("run")));
    }

    [Fact]
    public async Task Score_max_cost_refuses_an_unpriced_judge_by_name()
    {
        await using var sim = await Sim.StartAsync();
        using var cwd = new TempDirectory();
        Sim.WriteGrid(cwd);
        await CliRun.InProcessAsync(cwd.Path, Sim.Variables(sim), default, "run", "--model", "sim/balanced", "--limit", "3", "--out", "run");
        Sim.WriteRoster(cwd, "judges.json", new { id = "sim/judge", base_url = sim.BaseUrl.ToString(), concurrency = 2 });
        var before = sim.Stats.Requests;

        var result = await CliRun.InProcessAsync(cwd.Path, Sim.Variables(sim), default,
            "score", "--input", "run/run.jsonl", "--models", "judges.json", "-s", "sim/judge", "--max-cost", "1");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no price is known for judge sim/judge", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, sim.Stats.Requests);
    }

    [Fact]
    public async Task An_unknown_cost_shows_as_unknown_in_the_records_the_closing_table_and_the_log_never_as_zero()
    {
        await using var sim = await Sim.StartAsync();
        using var cwd = new TempDirectory();
        Sim.WriteGrid(cwd);
        Sim.WriteRoster(cwd, "roster.json", new { id = "my-server", base_url = sim.BaseUrl.ToString(), model = "sim/balanced", concurrency = 4 });

        var result = await CliRun.InProcessAsync(cwd.Path, Sim.Variables(sim), default, "run", "--models", "roster.json", "--limit", "6", "--out", "run");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("est. unknown (no price in the roster or data/prices.json)", result.Output, StringComparison.Ordinal);
        Assert.Contains("spent unknown.", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("0.00 USD", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("0 USD", File.ReadAllText(cwd.File("run/run.log")), StringComparison.Ordinal);
        foreach (var line in File.ReadAllLines(cwd.File("run/run.jsonl")))
        {
            using var record = JsonDocument.Parse(line);
            Assert.Equal(JsonValueKind.Null, record.RootElement.GetProperty("cost_usd").ValueKind);
            Assert.Equal("unknown", record.RootElement.GetProperty("cost_source").GetString());
        }
    }

    [Fact]
    public async Task Every_answer_says_where_its_cost_came_from()
    {
        await using var sim = await Sim.StartAsync();
        using var cwd = new TempDirectory();
        Sim.WriteGrid(cwd);
        Sim.WriteRoster(cwd, "roster.json",
            new { id = "sim/balanced", concurrency = 2, prices = new { input_per_million = 2.0, output_per_million = 4.0 } },
            new { id = "sim/contrarian", concurrency = 2 });

        var result = await CliRun.InProcessAsync(cwd.Path, Sim.Variables(sim), default, "run", "--models", "roster.json", "--limit", "3", "--out", "run", "--no-cache");

        Assert.Equal(0, result.ExitCode);
        var records = File.ReadAllLines(cwd.File("run/run.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        foreach (var record in records.Where(r => r.GetProperty("model_id").GetString() == "sim/balanced"))
        {
            Assert.Equal("roster", record.GetProperty("cost_source").GetString());
            var expected = (record.GetProperty("input_tokens").GetInt64() * 2.0 + record.GetProperty("output_tokens").GetInt64() * 4.0) / 1e6;
            Assert.Equal(expected, record.GetProperty("cost_usd").GetDouble(), 12);
        }

        // The simulated provider is free in data/prices.json: a price of 0 from the table, not an unknown.
        foreach (var record in records.Where(r => r.GetProperty("model_id").GetString() == "sim/contrarian"))
        {
            Assert.Equal("table", record.GetProperty("cost_source").GetString());
            Assert.Equal(0, record.GetProperty("cost_usd").GetDouble());
        }

        using var manifest = JsonDocument.Parse(File.ReadAllText(cwd.File("run/run_grid.json")));
        var prices = manifest.RootElement.GetProperty("prices");
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", prices.GetProperty("table_read_on").GetString()!);
        Assert.Equal("roster", prices.GetProperty("models").GetProperty("sim/balanced").GetProperty("source").GetString());
    }

    [Fact]
    public async Task The_dry_run_of_a_groq_model_prints_a_usd_estimate_from_the_price_table()
    {
        using var cwd = new TempDirectory();

        var result = await CliRun.InProcessAsync(cwd.Path, "run", "--dry-run", "--model", "groq/llama-3.3-70b-versatile", "--limit", "6");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"est\. 0\.\d+ USD", result.Output);
        Assert.Matches(@"6 request\(s\) to send; estimated cost 0\.\d+ USD", result.Output);
        Assert.Contains("cl100k_base (approximation", result.Output, StringComparison.Ordinal);
        Assert.Contains("data/prices.json read on", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("unknown", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cost_limit_holds_every_answer_at_most_its_reservation_and_the_closing_line_says_what_was_in_flight()
    {
        await using var sim = await Sim.StartAsync();
        using var cwd = new TempDirectory();
        Sim.WriteGrid(cwd);
        // Prompts are ~150 tokens and answers ~130 (the simulator's count); a 400-token answer bound covers both with room.
        Sim.WriteRoster(cwd, "priced.json",
            new { id = "sim/balanced", concurrency = 8, max_tokens = 400, prices = new { input_per_million = 10.0, output_per_million = 10.0 } });

        var result = await CliRun.InProcessAsync(cwd.Path, Sim.Variables(sim), default, "run", "--models", "priced.json", "--out", "run", "--max-cost", "0.05", "--no-cache");

        Assert.Equal(3, result.ExitCode);
        var spent = Sim.Records(cwd.File("run/run.jsonl")).Sum(r => r.CostUsd!.Value);
        Assert.InRange(spent, 0.02, 0.05);
        Assert.Matches(@"stopped at the cost limit: 0\.0\d+ USD spent; \d request\(s\) were in flight at the stop \(worst case 0\.0\d+ USD, recorded above\); continue with: sycobench run --resume run --max-cost <more>", result.Error);
        var log = File.ReadAllText(cwd.File("run/run.log"));
        Assert.Contains("estimate vs actual over", log, StringComparison.Ordinal);
    }
}
