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
        Assert.Contains("sycobench run --models roster", result.Output, StringComparison.Ordinal);
        await AssertTheAdviceWorksFromAnyFolder(result.Output);
        Assert.Equal(4 * 108 * 3, File.ReadLines(cwd.File("demo/run/run.jsonl")).Count());
        Assert.True(File.Exists(cwd.File("demo/report/report.html")));
        Assert.Contains("Read the answers, triplet by triplet: sycobench view demo/report", result.Output, StringComparison.Ordinal);
        var view = await CliRun.InProcessAsync(cwd.Path, "view", "demo");
        Assert.True(view.ExitCode == 0, view.Error);
        Assert.StartsWith("demo/report/transcripts.html", view.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(cwd.File("demo/report/run_scored.csv")));

        // The demo keeps its answers and judge replies in its own cache; cache stats shows them and cache clear empties it.
        Assert.Contains("sycobench cache stats --cache demo/cache/responses.db", result.Output, StringComparison.Ordinal);
        var cached = await CliRun.InProcessAsync(cwd.Path, "cache", "stats", "--cache", "demo/cache/responses.db");
        Assert.True(cached.ExitCode == 0, cached.Output + cached.Error);
        Assert.Contains("demo/cache/responses.db: 2,592 entries", cached.Output, StringComparison.Ordinal);
        Assert.Matches(@"sim/judge\s*│\s*1,296\s*│\s*0\s*│", cached.Output);
        var cleared = await CliRun.InProcessAsync(cwd.Path, "cache", "clear", "--cache", "demo/cache/responses.db");
        Assert.Contains("Removed 2,592 entries from demo/cache/responses.db", cleared.Output, StringComparison.Ordinal);
        Assert.Contains("demo/cache/responses.db: 0 entries", (await CliRun.InProcessAsync(cwd.Path, "cache", "stats", "--cache", "demo/cache/responses.db")).Output, StringComparison.Ordinal);

        using var stats = JsonDocument.Parse(File.ReadAllText(cwd.File("demo/report/stats.json")));
        // The demo is the shipped study file: its hash is in the report and the run's manifest.
        var demoStudy = StudyCommandTests.Sha256(Path.Combine(AppContext.BaseDirectory, "data", "studies", "demo.json"));
        Assert.Equal(demoStudy, stats.RootElement.GetProperty("study").GetProperty("sha256").GetString());
        using (var manifest = JsonDocument.Parse(File.ReadAllText(cwd.File("demo/run/run_grid.json"))))
            Assert.Equal(demoStudy, manifest.RootElement.GetProperty("study").GetProperty("sha256").GetString());
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

    /// <summary>The demo's closing advice works as printed from any folder: it parses, and its offline steps run.</summary>
    private static async Task AssertTheAdviceWorksFromAnyFolder(string output)
    {
        var advice = output.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("sycobench ", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, advice.Count);

        using var elsewhere = new TempDirectory();
        foreach (var line in advice)
        {
            var args = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..];
            CommandLineCheck.Check(SycoBenchCli.Describe(), args);
            if (args[0] is "grid" or "run")
            {
                // The grid is written, and the run's plan is made from the shipped roster without sending anything.
                var result = await CliRun.InProcessAsync(elsewhere.Path, args[0] == "run" ? [.. args, "--plan"] : args);
                Assert.True(result.ExitCode == 0, line + ": " + result.Output + result.Error);
            }
        }
    }

    [Fact]
    public async Task Demo_of_rent_v2_recovers_its_planted_values_and_its_run_goes_on_to_labeling()
    {
        using var cwd = new TempDirectory();

        // One sample per prompt: SI's intervals come from the spread between triplets, so a second sample narrowed them
        // little (95% intervals 0.03-0.05 wide with two samples, 0.04-0.05 with one) and doubled the requests and judge
        // calls (1,728 of each with one sample).
        // SVG charts only: this test reads the statistics, not the charts (the default demo and the golden demo draw the
        // 300 dpi PNGs).
        var result = await CliRun.InProcessAsync(cwd.Path, new Dictionary<string, string>(), CliRun.SvgCharts, default,
            "demo", "--scenario", "rent-v2", "--out", "demo", "--samples", "1");

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains("Scenario rent-v2 (recognised from the prompts)", result.Output, StringComparison.Ordinal);
        Assert.Contains("sycobench grid --scenario rent-v2", result.Output, StringComparison.Ordinal);
        Assert.Equal(4 * 432, File.ReadLines(cwd.File("demo/run/run.jsonl")).Count());

        using var stats = JsonDocument.Parse(File.ReadAllText(cwd.File("demo/report/stats.json")));
        Assert.Equal("rent-v2", stats.RootElement.GetProperty("scenario").GetProperty("id").GetString());
        // Another scenario and other samples than the shipped study: the study actually run is written and stamped.
        Assert.Equal(StudyCommandTests.Sha256(cwd.File("demo/study.json")), stats.RootElement.GetProperty("study").GetProperty("sha256").GetString());
        Assert.Contains("\"scenario\": \"rent-v2\"", File.ReadAllText(cwd.File("demo/study.json")), StringComparison.Ordinal);
        var models = stats.RootElement.GetProperty("models").EnumerateArray().ToDictionary(m => m.GetProperty("model_id").GetString()!);
        Assert.Equal(DemoCommand.Assistants.Select(a => a.Id).Order(), models.Keys.Order());
        // The report step took the test's chart options (the default demo's PNG charts are among the golden demo's files).
        Assert.Empty(Directory.GetFiles(cwd.File("demo/report"), "*.png"));
        Assert.Equal(4, Directory.GetFiles(cwd.File("demo/report"), "chart-*.svg").Length);

        // Planted: SI = S for a sycophant, −S for a contrarian, 0 otherwise; the baseline B is the lean (0.4 for the
        // landlord-leaning assistant, 0 otherwise); each asker pulls by SI, since the neutral answer sits at the lean.
        // Every estimate must lie within 0.05 of its planted value — four standard errors or more here (SI's 95%
        // intervals are 0.04-0.05 wide), so the check depends on no seed, yet a confusion of askers, sides or
        // paraphrases (an error of 0.4 or more) fails it — and SI's 95% interval must be narrower than 0.1 around its
        // estimate.
        foreach (var (id, planted, _) in DemoCommand.Assistants)
        {
            var model = models[id];
            var lean = id.Contains("-lean", StringComparison.Ordinal) ? 0.4 : 0.0;
            var si = model.GetProperty("sycophancy_index");
            AssertNear(id, "sycophancy_index", si, planted);
            var (low, high) = (si.GetProperty("ci_low").GetDouble(), si.GetProperty("ci_high").GetDouble());
            Assert.True(low <= si.GetProperty("value").GetDouble() && si.GetProperty("value").GetDouble() <= high && high - low < 0.1, $"{id}: SI interval [{low}, {high}]");
            AssertNear(id, "baseline", model.GetProperty("baseline"), lean);
            AssertNear(id, "pull_positive", model.GetProperty("pull_positive"), planted);
            AssertNear(id, "pull_negative", model.GetProperty("pull_negative"), planted);
            var paraphrases = model.GetProperty("si_by_factor").EnumerateArray()
                .Where(f => f.GetProperty("factor").GetString() == "paraphrase")
                .Select(f => f.GetProperty("level").GetString()!)
                .ToArray();
            Assert.Equal(["0", "1", "2", "3"], paraphrases);
        }

        var push = await CliRun.InProcessAsync(cwd.Path, new Dictionary<string, string>(), default,
            "portal", "push", "--dataset", "scenario", "--run-file", "demo/run/run.jsonl", "--sample", "24", "--seed", "1", "--apply", "--db", "labels.db");
        Assert.True(push.ExitCode == 0, push.Output + push.Error);
        Assert.Contains("Pushed 24 new items", push.Output, StringComparison.Ordinal);
    }

    private static void AssertNear(string model, string statistic, JsonElement estimate, double planted)
    {
        var value = estimate.GetProperty("value").GetDouble();
        Assert.True(Math.Abs(value - planted) <= 0.05, $"{model}: {statistic} {value} is not within 0.05 of the planted {planted}");
        Assert.Equal(144, estimate.GetProperty("k").GetInt32());
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
