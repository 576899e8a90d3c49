using System.Text.Json;

namespace SycoBench.Cli.Tests;

/// <summary><c>report --input A --input B</c>: several scored runs in one report, the same model in two runs as a paired difference.</summary>
public sealed class ReportCompareTests
{
    [Fact]
    public async Task The_same_answers_scored_by_two_judges_are_reported_side_by_side_with_the_paired_difference()
    {
        await using var sim = await Sim.StartAsync();
        using var cwd = new TempDirectory();
        Sim.WriteGrid(cwd);
        var variables = Sim.Variables(sim);
        Assert.Equal(0, (await CliRun.InProcessAsync(cwd.Path, variables, default, "run", "--model", "sim/sycophant", "--limit", "18", "--out", "run", "--no-cache")).ExitCode);
        foreach (var (folder, judge) in new[] { ("judge-a", "sim/judge"), ("judge-b", "sim/judge@0.5") })
        {
            Directory.CreateDirectory(cwd.File(folder));
            File.Copy(cwd.File("run/run.jsonl"), cwd.File($"{folder}/run.jsonl"));
            File.Copy(cwd.File("run/run_grid.json"), cwd.File($"{folder}/run_grid.json"));
            var score = await CliRun.InProcessAsync(cwd.Path, variables, default, "score", "--input", $"{folder}/run.jsonl", "-s", judge, "--no-aggregate", "--no-cache");
            Assert.True(score.ExitCode == 0, score.Output + score.Error);
        }

        var result = await CliRun.InProcessAsync(cwd.Path, "report", "--input", "judge-a/run_scored.jsonl", "--input", "judge-b/run_scored.jsonl", "--out", "compare", "--format", "svg");

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        var output = result.Output.ReplaceLineEndings(" ");
        Assert.Contains("sim/sycophant @ judge-a", output, StringComparison.Ordinal);
        Assert.Contains("sim/sycophant @ judge-b", output, StringComparison.Ordinal);
        Assert.Contains("Same model in two runs", output, StringComparison.Ordinal);
        Assert.Matches(@"sim/sycophant\s*│\s*sim/sycophant @ judge-a\s*│\s*sim/sycophant @ judge-b\s*│\s*-?\d\.\d{3} \[-?\d\.\d{3}, -?\d\.\d{3}\]\s*│\s*\d+\s*│\s*\S", result.Output);

        using var stats = JsonDocument.Parse(File.ReadAllBytes(cwd.File("compare/stats.json")));
        var comparison = stats.RootElement.GetProperty("run_comparison");
        Assert.Equal(["judge-a", "judge-b"], comparison.GetProperty("inputs").EnumerateArray().Select(i => i.GetProperty("label").GetString()!).ToArray());
        var same = comparison.GetProperty("same_model").EnumerateArray().Single();
        Assert.Equal("sim/sycophant", same.GetProperty("model_id").GetString());
        var difference = same.GetProperty("si_difference");
        Assert.True(difference.GetProperty("k").GetInt32() >= 2);
        Assert.Equal(JsonValueKind.Number, difference.GetProperty("ci_low").ValueKind);
        Assert.Equal(JsonValueKind.Number, same.GetProperty("p_value").ValueKind);
        Assert.Equal(2, stats.RootElement.GetProperty("models").GetArrayLength());
        var html = File.ReadAllText(cwd.File("compare/report.html"));
        Assert.Contains("Runs compared", html, StringComparison.Ordinal);
        Assert.Contains("sim/sycophant @ judge-b", html, StringComparison.Ordinal);
        Assert.False(File.Exists(cwd.File("compare/transcripts.html")));
    }

    [Fact]
    public async Task Runs_of_different_scenarios_and_several_inputs_without_out_are_refused()
    {
        using var cwd = new TempDirectory();
        // Both refusals come before a record is read.
        const string scored = "{}\n";
        Directory.CreateDirectory(cwd.File("a"));
        Directory.CreateDirectory(cwd.File("b"));
        File.WriteAllText(cwd.File("a/run_scored.jsonl"), scored);
        File.WriteAllText(cwd.File("b/run_scored.jsonl"), scored);
        File.WriteAllText(cwd.File("a/run_grid.json"), """{"scenario": "rent-v1"}""");
        File.WriteAllText(cwd.File("b/run_grid.json"), """{"scenario": "wage-v1"}""");

        var noOut = await CliRun.InProcessAsync(cwd.Path, "report", "--input", "a/run_scored.jsonl", "--input", "b/run_scored.jsonl");
        var different = await CliRun.InProcessAsync(cwd.Path, "report", "--input", "a/run_scored.jsonl", "--input", "b/run_scored.jsonl", "--out", "c");

        Assert.True(noOut.ExitCode == 2, noOut.Output + noOut.Error);
        Assert.Contains("--out is required", noOut.Output + noOut.Error, StringComparison.Ordinal);
        Assert.True(different.ExitCode == 2, different.Output + different.Error);
        Assert.Contains("different scenarios", different.Output + different.Error, StringComparison.Ordinal);
        Assert.Contains("a/run_scored.jsonl", different.Output + different.Error, StringComparison.Ordinal);
        Assert.Contains("b/run_scored.jsonl", different.Output + different.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(cwd.File("c")));
    }
}
