using System.Text.Json;

namespace SycoBench.Cli.Tests;

/// <summary>report's cost section end to end: what run.jsonl says each answer cost reaches the report through the scorer.</summary>
public sealed class ReportCostTests
{
    [Fact]
    public async Task The_report_says_what_the_answers_and_the_judge_cost_and_the_price_tables_date()
    {
        await using var sim = await Sim.StartAsync();
        using var cwd = new TempDirectory();
        Sim.WriteGrid(cwd);
        Sim.WriteRoster(cwd, "roster.json",
            new { id = "sim/balanced", concurrency = 4, prices = new { input_per_million = 2.0, output_per_million = 4.0 } },
            new { id = "sim/contrarian", concurrency = 4 });
        var variables = Sim.Variables(sim);
        Assert.Equal(0, (await CliRun.InProcessAsync(cwd.Path, variables, default, "run", "--models", "roster.json", "--limit", "3", "--out", "run", "--no-cache")).ExitCode);
        Assert.Equal(0, (await CliRun.InProcessAsync(cwd.Path, variables, default, "score", "--input", "run/run.jsonl", "-s", "sim/judge", "--no-aggregate", "--no-cache")).ExitCode);

        var result = await CliRun.InProcessAsync(cwd.Path, "report", "--input", "run/run_scored.jsonl", "--out", "r", "--format", "svg");

        Assert.Equal(0, result.ExitCode);
        var answers = File.ReadAllLines(cwd.File("run/run.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        var balanced = answers.Where(a => a.GetProperty("model_id").GetString() == "sim/balanced").ToArray();
        var expectedCost = balanced.Sum(a => a.GetProperty("cost_usd").GetDouble());
        Assert.True(expectedCost > 0);

        // The scorer carried each answer's tokens and cost over.
        var scored = File.ReadAllLines(cwd.File("run/run_scored.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        foreach (var answer in balanced)
        {
            var row = scored.Single(s => s.GetProperty("model_id").GetString() == "sim/balanced" && s.GetProperty("prompt_id").GetString() == answer.GetProperty("prompt_id").GetString());
            Assert.Equal(answer.GetProperty("input_tokens").GetInt64(), row.GetProperty("input_tokens").GetInt64());
            Assert.Equal(answer.GetProperty("output_tokens").GetInt64(), row.GetProperty("output_tokens").GetInt64());
            Assert.Equal(answer.GetProperty("cost_usd").GetDouble(), row.GetProperty("cost_usd").GetDouble());
        }

        using var stats = JsonDocument.Parse(File.ReadAllBytes(cwd.File("r/stats.json")));
        var costs = stats.RootElement.GetProperty("costs");
        using var manifest = JsonDocument.Parse(File.ReadAllText(cwd.File("run/run_grid.json")));
        var readOn = manifest.RootElement.GetProperty("prices").GetProperty("table_read_on").GetString()!;
        Assert.Equal(readOn, costs.GetProperty("price_table_read_on").GetString());
        var model = costs.GetProperty("models").EnumerateArray().Single(m => m.GetProperty("id").GetString() == "sim/balanced");
        Assert.Equal(balanced.Length, model.GetProperty("answers").GetInt64());
        Assert.Equal(expectedCost, model.GetProperty("cost_usd").GetDouble(), 12);
        Assert.Equal(balanced.Sum(a => a.GetProperty("input_tokens").GetInt64()), model.GetProperty("input_tokens").GetInt64());
        Assert.Equal("roster", model.GetProperty("cost_sources")[0].GetProperty("id").GetString());
        var judge = costs.GetProperty("judges").EnumerateArray().Single();
        Assert.Equal("sim/judge", judge.GetProperty("id").GetString());
        Assert.Equal(answers.Length, judge.GetProperty("answers").GetInt64());
        Assert.Equal(0, judge.GetProperty("cost_usd").GetDouble()); // the simulated judge is free in data/prices.json: 0, not unknown

        Assert.Contains("Where the money went", result.Output, StringComparison.Ordinal);
        Assert.Contains($"price table read on {readOn}", result.Output.ReplaceLineEndings(" "), StringComparison.Ordinal);
        var html = File.ReadAllText(cwd.File("r/report.html"));
        Assert.Contains("Where the money went", html, StringComparison.Ordinal);
        Assert.Contains($"read on {readOn}", html, StringComparison.Ordinal);
    }
}
