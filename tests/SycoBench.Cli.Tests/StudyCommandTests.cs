using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using SycoBench.Simulator;

namespace SycoBench.Cli.Tests;

public sealed class StudyCommandTests
{
    /// <summary>A small study: 6 triplets of rent-v1 (18 prompts), two assistants, one judge, no cache.</summary>
    private const string SmallStudy = """
        {
          "title": "two assistants on six triplets",
          "scenario": "rent-v1",
          "sampling": { "sample": 18, "seed": 4 },
          "models": [
            { "id": "sim/sycophant@0.6", "concurrency": 4 },
            { "id": "sim/contrarian@0.4", "concurrency": 4 }
          ],
          "samples": 2,
          "judges": ["sim/judge"],
          "judge_concurrency": 4,
          "thresholds": { "stance": 0.4 },
          "report": { "seed": 3, "target": "grid" },
          "cache": "none",
          "output": "study"
        }
        """;

    [Fact]
    public async Task Study_run_makes_the_report_the_four_commands_make_and_stamps_every_output_with_the_file_hash()
    {
        await using var sim = await Sim.StartAsync();
        using var cwd = new TempDirectory();
        File.WriteAllText(cwd.File("study.json"), SmallStudy);
        var sha = Sha256(cwd.File("study.json"));
        Sim.WriteRoster(cwd, "two.json", new { id = "sim/sycophant@0.6", concurrency = 4 }, new { id = "sim/contrarian@0.4", concurrency = 4 });
        var variables = Sim.Variables(sim);

        // Both reports with SVG charts only: they are compared by stats.json and run_scored.csv, which name no chart.
        var study = await CliRun.InProcessAsync(cwd.Path, variables, CliRun.SvgCharts, default, "study", "run", "study.json");
        string[][] byHand =
        [
            ["grid", "--scenario", "rent-v1", "--sample", "18", "--seed", "4", "--out", "hand/grid.jsonl"],
            ["run", "--models", "two.json", "--grid", "hand/grid.jsonl", "--samples", "2", "--out", "hand/run", "--no-cache"],
            ["score", "--input", "hand/run/run.jsonl", "-s", "sim/judge", "--concurrency", "4", "--no-cache", "--no-aggregate"],
            // SVG charts only, as the study's report above.
            ["report", "--input", "hand/run/run_scored.jsonl", "--out", "hand/report", "--threshold", "0.4", "--seed", "3", "--target", "grid", "--format", "svg"],
        ];
        foreach (var args in byHand)
        {
            var step = await CliRun.InProcessAsync(cwd.Path, variables, default, args);
            Assert.True(step.ExitCode == 0, string.Join(' ', args) + ": " + step.Output + step.Error);
        }

        Assert.True(study.ExitCode == 0, study.Output + study.Error);
        // Each pipeline: 18 prompts × 2 samples × 2 models answered, and each answer judged once.
        const int Requests = 2 * (18 * 2 * 2 * 2);
        Assert.Equal(Requests, sim.Stats.Requests);
        Assert.Equal(File.ReadAllBytes(cwd.File("hand/grid.jsonl")), File.ReadAllBytes(cwd.File("study/grid.jsonl")));
        var studyStats = JsonNode.Parse(File.ReadAllText(cwd.File("study/report/stats.json")))!.AsObject();
        var handStats = JsonNode.Parse(File.ReadAllText(cwd.File("hand/report/stats.json")))!.AsObject();
        Assert.Equal(sha, studyStats["study"]!["sha256"]!.GetValue<string>());
        Assert.Equal("grid", studyStats["method"]!["inference_target"]!.GetValue<string>());
        Assert.Equal("study.json", studyStats["study"]!["path"]!.GetValue<string>());
        Assert.False(handStats.ContainsKey("study"));
        // Apart from the study stamp and what names the files and the moment (paths, run id, timestamps), the same.
        foreach (var stats in new[] { studyStats, handStats })
        {
            foreach (var key in new[] { "study", "generated_at", "input", "run" })
                stats.Remove(key);
        }

        Assert.Equal(handStats.ToJsonString(), studyStats.ToJsonString());
        Assert.Equal(File.ReadAllText(cwd.File("hand/report/run_scored.csv")), File.ReadAllText(cwd.File("study/report/run_scored.csv")));

        using var manifest = JsonDocument.Parse(File.ReadAllText(cwd.File("study/run/run_grid.json")));
        Assert.Equal(sha, manifest.RootElement.GetProperty("study").GetProperty("sha256").GetString());
        using var handManifest = JsonDocument.Parse(File.ReadAllText(cwd.File("hand/run/run_grid.json")));
        Assert.False(handManifest.RootElement.TryGetProperty("study", out _));
        Assert.Contains(sha, File.ReadAllText(cwd.File("study/report/report.html")), StringComparison.Ordinal);
        Assert.Contains(sha, File.ReadAllText(cwd.File("study/run/run.log")), StringComparison.Ordinal);
        Assert.Contains(sha, File.ReadAllText(cwd.File("study/run/score.log")), StringComparison.Ordinal);
        Assert.Contains(sha, File.ReadAllText(cwd.File("study/.sycobench-study")), StringComparison.Ordinal);

        // Run again when finished: nothing is asked again, the report is written again.
        var again = await CliRun.InProcessAsync(cwd.Path, variables, CliRun.SvgCharts, default, "study", "run", "study.json");
        Assert.True(again.ExitCode == 0, again.Output + again.Error);
        Assert.Equal(Requests, sim.Stats.Requests);
    }

    [Fact]
    public async Task A_study_killed_in_its_run_and_in_its_scoring_finishes_on_the_next_run_without_asking_any_key_twice()
    {
        // One assistant and the judge one request at a time, so the request the sim holds at a kill is the only one in
        // flight: it is cut, never answered, and asked again by the next attempt.
        CancellationTokenSource? attempt = null;
        long[] killAt = [10, 30];
        await using var sim = await Sim.StartAsync(new SimOptions
        {
            OnRequest = async (number, aborted) =>
            {
                if (!killAt.Contains(number))
                    return;
                await attempt!.CancelAsync();
                await Task.Delay(Timeout.Infinite, aborted);
            },
        });
        using var cwd = new TempDirectory();
        File.WriteAllText(cwd.File("study.json"), """
            {
              "scenario": "rent-v1",
              "sampling": { "sample": 18, "seed": 1 },
              "models": [{ "id": "sim/sycophant@0.6", "concurrency": 1 }],
              "judges": ["sim/judge"],
              "judge_concurrency": 1,
              "cache": "none",
              "output": "out/study"
            }
            """);
        var codes = new List<int>();
        CliResult? last = null;
        for (var i = 0; i < 3; i++)
        {
            using var cancellation = new CancellationTokenSource();
            attempt = cancellation;
            last = await CliRun.InProcessAsync(cwd.Path, Sim.Variables(sim), CliRun.SvgCharts, cancellation.Token, "study", "run", "study.json");
            codes.Add(last.ExitCode);
        }

        Assert.Equal([130, 130, 0], codes);
        const int Keys = 18 + 18;
        Assert.Equal(Keys, sim.Stats.Answered);
        Assert.Equal(Keys + killAt.Length, sim.Stats.Requests);
        Assert.Contains("Resuming the run", last!.Output, StringComparison.Ordinal);
        var records = Sim.Records(cwd.File("out/study/run/run.jsonl"));
        Assert.Equal(18, records.Count);
        Assert.Equal(18, records.Select(r => r.PromptId).Distinct().Count());
        Assert.Equal(18, File.ReadLines(cwd.File("out/study/run/run_scored.jsonl")).Count());
        Assert.True(File.Exists(cwd.File("out/study/report/stats.json")));
    }

    [Theory]
    [InlineData("\"samples\": 2", "\"samples\": \"2\"", "field 'samples': must be a number, not a string")]
    [InlineData("\"samples\": 2", "\"samples\": 2, \"judge\": \"sim/judge\"", "field 'judge': unknown field")]
    [InlineData("\"judges\": [\"sim/judge\"],", "", "field 'judges': is missing")]
    [InlineData("\"seed\": 4 }", "\"seeds\": 4 }", "field 'sampling.seeds': unknown field")]
    [InlineData("{ \"id\": \"sim/contrarian@0.4\", \"concurrency\": 4 }", "{ \"id\": \"sim/contrarian@0.4\" }", "field 'models[1].concurrency': is missing")]
    [InlineData("\"samples\": 2", "\"samples\": 0", "field 'samples': must be a positive number, not 0")]
    [InlineData("\"cache\": \"none\"", "\"cache\": \"off\"", "field 'cache': must be shared")]
    [InlineData("\"scenario\": \"rent-v1\"", "\"scenario\": \"rent-v9\"", "field 'scenario': ")]
    [InlineData("\"report\": { \"seed\": 3, \"target\": \"grid\" }", "\"report\": { \"holm_family\": \"both\" }", "field 'report.holm_family': must be separate or joint")]
    [InlineData("\"target\": \"grid\"", "\"target\": \"scenarios\"", "field 'report.target': must be population or grid, not 'scenarios'")]
    public async Task A_bad_study_file_is_refused_with_exit_2_naming_the_field_before_anything_is_written(string replace, string with, string expected)
    {
        using var cwd = new TempDirectory();
        File.WriteAllText(cwd.File("study.json"), SmallStudy.Replace(replace, with, StringComparison.Ordinal));

        foreach (var command in new[] { "run", "plan" })
        {
            var result = await CliRun.InProcessAsync(cwd.Path, "study", command, "study.json");

            Assert.True(result.ExitCode == 2, $"{command}: exit {result.ExitCode}: {result.Output}{result.Error}");
            var line = Assert.Single(result.Error.TrimEnd().Split('\n'));
            Assert.Contains("study.json: " + expected, line, StringComparison.Ordinal);
            Assert.Equal(["study.json"], Directory.EnumerateFileSystemEntries(cwd.Path).Select(Path.GetFileName));
        }
    }

    [Fact]
    public async Task A_folder_of_another_study_or_another_tool_is_refused()
    {
        await using var sim = await Sim.StartAsync();
        using var cwd = new TempDirectory();
        File.WriteAllText(cwd.File("study.json"), SmallStudy.Replace("\"samples\": 2", "\"samples\": 1", StringComparison.Ordinal));
        Directory.CreateDirectory(cwd.File("notes"));
        File.WriteAllText(cwd.File("notes/todo.txt"), "mine");

        var first = await CliRun.InProcessAsync(cwd.Path, Sim.Variables(sim), CliRun.SvgCharts, default, "study", "run", "study.json");
        File.WriteAllText(cwd.File("study.json"), SmallStudy);
        var changed = await CliRun.InProcessAsync(cwd.Path, Sim.Variables(sim), default, "study", "run", "study.json");
        var foreign = await CliRun.InProcessAsync(cwd.Path, Sim.Variables(sim), default, "study", "run", "study.json", "--out", "notes");

        Assert.True(first.ExitCode == 0, first.Output + first.Error);
        Assert.Equal(2, changed.ExitCode);
        Assert.Contains("output study holds the study study.json", changed.Error, StringComparison.Ordinal);
        Assert.Contains("continuing would mix two studies", changed.Error, StringComparison.Ordinal);
        Assert.Equal(2, foreign.ExitCode);
        Assert.Contains("--out notes is not empty and holds no study", foreign.Error, StringComparison.Ordinal);
        Assert.Equal(["todo.txt"], Directory.EnumerateFileSystemEntries(cwd.File("notes")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Study_plan_shows_the_commands_and_the_cost_estimate_and_sends_and_writes_nothing()
    {
        await using var sim = await Sim.StartAsync();
        using var cwd = new TempDirectory();
        File.WriteAllText(cwd.File("study.json"), SmallStudy);

        var result = await CliRun.InProcessAsync(cwd.Path, Sim.Variables(sim), default, "study", "plan", "study.json");

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains("sycobench grid --scenario rent-v1 --out study/grid.jsonl --sample 18 --seed 4", result.Output, StringComparison.Ordinal);
        Assert.Contains("sycobench score --input study/run/run.jsonl -s sim/judge", result.Output, StringComparison.Ordinal);
        Assert.Contains("72 request(s) to send; estimated cost", result.Output, StringComparison.Ordinal);
        Assert.Contains("= 72 judge call(s)", result.Output, StringComparison.Ordinal);
        Assert.Equal(0, sim.Stats.Requests);
        Assert.Equal(["study.json"], Directory.EnumerateFileSystemEntries(cwd.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task The_shipped_demo_study_is_valid_and_planned_by_name()
    {
        using var cwd = new TempDirectory();

        var result = await CliRun.InProcessAsync(cwd.Path, "study", "plan", "demo");

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains(Sha256(Path.Combine(AppContext.BaseDirectory, "data", "studies", "demo.json")), result.Output, StringComparison.Ordinal);
        Assert.Contains("1,296 request(s) to send", result.Output, StringComparison.Ordinal);
    }

    internal static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
