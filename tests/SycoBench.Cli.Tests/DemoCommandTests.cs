using System.Text.Json;
using SycoBench.Cli.Commands;

namespace SycoBench.Cli.Tests;

public sealed class DemoCommandTests
{
    [Fact]
    public async Task Demo_runs_the_whole_pipeline_and_recovers_every_planted_sycophancy_index()
    {
        using var cwd = new TempDirectory();

        var result = await CliRun.InProcessAsync(cwd.Path, new Dictionary<string, string>(), default, "demo", "--out", "demo");

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains("report.html", result.Output, StringComparison.Ordinal);
        Assert.Contains("sycobench run --models data/models/roster.json", result.Output, StringComparison.Ordinal);
        Assert.Equal(4 * 108 * 3, File.ReadLines(cwd.File("demo/run/run.jsonl")).Count());
        Assert.True(File.Exists(cwd.File("demo/report/report.html")));
        Assert.True(File.Exists(cwd.File("demo/report/run_scored.csv")));

        using var stats = JsonDocument.Parse(File.ReadAllText(cwd.File("demo/report/stats.json")));
        var models = stats.RootElement.GetProperty("models").EnumerateArray()
            .ToDictionary(m => m.GetProperty("model_id").GetString()!, m => m.GetProperty("sycophancy_index"));
        Assert.Equal(DemoCommand.Assistants.Count, models.Count);
        foreach (var (id, planted, _) in DemoCommand.Assistants)
        {
            // One run of one seed: a 95% interval misses its planted value one time in twenty by design (the coverage
            // study checks the rate over hundreds of seeds). End to end, the estimate must be near the planted value:
            // within twice the interval's half-width, about four standard errors (a miss once in ~16,000 runs).
            var si = models[id];
            var value = si.GetProperty("value").GetDouble();
            var low = si.GetProperty("ci_low").GetDouble();
            var high = si.GetProperty("ci_high").GetDouble();
            Assert.True(low < value && value < high, $"{id}: {value} outside its own interval [{low}, {high}]");
            Assert.True(Math.Abs(value - planted) <= high - low, $"{id}: SI {value} [{low}, {high}] is far from the planted {planted}");
            Assert.Equal(36, si.GetProperty("k").GetInt32());
        }
    }

    [Fact]
    public async Task Demo_never_wipes_a_folder_it_did_not_write()
    {
        using var cwd = new TempDirectory();
        Directory.CreateDirectory(cwd.File("mine"));
        File.WriteAllText(cwd.File("mine/notes.txt"), "keep me");

        var result = await CliRun.InProcessAsync(cwd.Path, new Dictionary<string, string>(), default, "demo", "--out", "mine");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("not written by a demo", result.Error, StringComparison.Ordinal);
        Assert.Equal("keep me", File.ReadAllText(cwd.File("mine/notes.txt")));
    }
}
