using System.Globalization;
using System.Text.Json;
using SycoBench.Records;
using SycoBench.Simulator;
using SycoBench.Statistics;

namespace SycoBench.Cli.Tests;

public sealed class ScoreCommandTests
{
    [Fact]
    public async Task Replay_judge_reproduces_every_published_score_and_keeps_the_skip_reason()
    {
        await using var sim = await Sim.StartAsync(new SimOptions { ReplayJudgeFile = Fixtures.Reference("run_scored.jsonl") });
        using var cwd = new TempDirectory();
        File.Copy(Fixtures.Reference("run.jsonl"), cwd.File("run.jsonl"));
        Sim.WriteRoster(cwd, "judge.json",
            new { id = "openai/gpt-oss-20b:free", provider = "sim", base_url = sim.BaseUrl.ToString(), concurrency = 8 });

        var result = await CliRun.InProcessAsync(cwd.Path, new Dictionary<string, string>(), default,
            "score", "--input", "run.jsonl", "--models", "judge.json", "-s", "openai/gpt-oss-20b:free", "--concurrency", "8");

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Equal(File.ReadAllText(Fixtures.Reference("run_scored.csv")), File.ReadAllText(cwd.File("run_scored.csv")));
        var expected = Read(Fixtures.Reference("run_scored.jsonl")).ToDictionary(r => (r.ModelId, r.PromptId));
        var actual = Read(cwd.File("run_scored.jsonl"));
        Assert.Equal(216, actual.Count);
        foreach (var record in actual)
        {
            var original = expected[(record.ModelId, record.PromptId)];
            Assert.Equal(original.Score, record.Score);
            if (original.Score is null)
                Assert.Equal(original.Error, record.Error);
        }

        Assert.StartsWith("run-error: ", Assert.Single(actual, r => r.Score is null).Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Judge_that_cannot_decide_fails_rows_with_its_reply_kept_never_zero_and_exits_non_zero()
    {
        await using var sim = await Sim.StartAsync(new SimOptions { JudgeFailRate = 0.10 });
        using var cwd = new TempDirectory();
        Sim.WriteGrid(cwd);
        await CliRun.InProcessAsync(cwd.Path, Sim.Variables(sim), default, "run", "--model", "sim/sycophant", "--model", "sim/balanced", "--out", "run");

        var result = await CliRun.InProcessAsync(cwd.Path, Sim.Variables(sim), default, "score", "--input", "run/run.jsonl", "-s", "sim/judge", "--no-aggregate");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--max-parse-failures", result.Error, StringComparison.Ordinal);
        var rows = Read(cwd.File("run/run_scored.jsonl"));
        var failed = rows.Where(r => r.Score is null).ToList();
        Assert.InRange(failed.Count, 8, 40);
        Assert.All(failed, r => Assert.NotNull(r.Error));
        Assert.All(failed, r => Assert.Contains("cannot decide", JsonSerializer.Serialize(r.Extra), StringComparison.Ordinal));
        Assert.Matches(@"unparsable", result.Output);
        Assert.Contains("%", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_panel_of_two_sim_judges_records_both_and_prints_their_alpha()
    {
        await using var sim = await Sim.StartAsync();
        using var cwd = new TempDirectory();
        Sim.WriteGrid(cwd);
        await CliRun.InProcessAsync(cwd.Path, Sim.Variables(sim), default, "run", "--model", "sim/sycophant", "--limit", "30", "--out", "run");

        var result = await CliRun.InProcessAsync(cwd.Path, Sim.Variables(sim), default,
            "score", "--input", "run/run.jsonl", "-s", "sim/judge", "-s", "sim/judge@0.2", "--no-aggregate");

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        var rows = Read(cwd.File("run/run_scored.jsonl"));
        var units = new List<IReadOnlyList<double>>();
        foreach (var row in rows)
        {
            var judges = row.Extra!["judges"].EnumerateArray().ToArray();
            Assert.Equal(["sim/judge", "sim/judge@0.2"], judges.Select(j => j.GetProperty("model").GetString()));
            var scores = judges.Select(j => j.GetProperty("score").GetDouble()).ToArray();
            Assert.Equal(Math.Round(scores.Average(), 6), Math.Round(row.Score!.Value, 6));
            units.Add(scores);
        }

        var alpha = KrippendorffAlpha.Interval(units).ToString("0.000", CultureInfo.InvariantCulture);
        Assert.Contains($"Krippendorff's alpha, interval): {alpha}", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Blind_judging_shows_the_judge_the_neutral_wording()
    {
        await using var sim = await Sim.StartAsync();
        using var cwd = new TempDirectory();
        Sim.WriteGrid(cwd);
        await CliRun.InProcessAsync(cwd.Path, Sim.Variables(sim), default, "run", "--model", "sim/sycophant", "--limit", "6", "--out", "run");

        var result = await CliRun.InProcessAsync(cwd.Path, Sim.Variables(sim), default,
            "score", "--input", "run/run.jsonl", "-s", "sim/judge", "--blind", "--judge-repeats", "2", "--no-aggregate");

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        var rows = Read(cwd.File("run/run_scored.jsonl"));
        Assert.All(rows, r => Assert.True(r.Extra!["blind"].GetBoolean()));
        Assert.All(rows, r => Assert.Equal(2, r.Extra!["judges"][0].GetProperty("scores").GetArrayLength()));
        Assert.Contains("Test-retest", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_calls_no_judge_and_writes_nothing()
    {
        await using var sim = await Sim.StartAsync();
        using var cwd = new TempDirectory();
        Sim.WriteGrid(cwd);
        await CliRun.InProcessAsync(cwd.Path, Sim.Variables(sim), default, "run", "--model", "sim/balanced", "--limit", "6", "--out", "outputs/runs/1");
        var requests = sim.Stats.Requests;
        var before = Directory.GetFiles(cwd.File("outputs/runs/1"));

        var result = await CliRun.InProcessAsync(cwd.Path, Sim.Variables(sim), default, "score", "-s", "sim/judge", "--plan");

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains("to judge 6", result.Output, StringComparison.Ordinal);
        Assert.Contains("(the newest run)", result.Output, StringComparison.Ordinal);
        Assert.Equal(requests, sim.Stats.Requests);
        Assert.Equal(before, Directory.GetFiles(cwd.File("outputs/runs/1")));
    }

    [Fact]
    public async Task Without_a_judge_the_command_says_how_to_name_one()
    {
        using var cwd = new TempDirectory();

        var result = await CliRun.InProcessAsync(cwd.Path, new Dictionary<string, string>(), default, "score", "--input", "run.jsonl");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("LLM_SCORER_MODEL", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-s", "sim/judge", "-s", "sim/judge")]
    [InlineData("-s", "sim/judge", "--scorer-model", " sim/judge")]
    public async Task A_judge_named_twice_is_refused_before_anything_is_read_or_written(params string[] judges)
    {
        // It was scored as a panel of one without a word; a study file listing a judge twice is refused the same way.
        using var cwd = new TempDirectory();
        File.Copy(Fixtures.Reference("run.jsonl"), cwd.File("run.jsonl"));

        var result = await CliRun.InProcessAsync(cwd.Path, new Dictionary<string, string>(), default, ["score", "--input", "run.jsonl", .. judges, "--no-cache"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: -s: judge 'sim/judge' is given twice; a panel names each judge once (to ask one judge several times: --judge-repeats K)", result.Error.TrimEnd());
        Assert.Equal(["run.jsonl"], Directory.GetFiles(cwd.Path).Select(Path.GetFileName));
    }

    private static List<EvalRecord> Read(string path) =>
        JsonlReader.Read(path, RecordJsonContext.Default.EvalRecord).Select(e => e.Value).ToList();
}
