using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SycoBench.Records;
using SycoBench.Statistics;

namespace SycoBench.Cli.Tests;

/// <summary>score with a panel of simulated judges, then report: SI per judge and the judges' agreement, end to end.</summary>
public sealed class ReportPanelTests
{
    private static readonly string[] Judges = ["sim/judge@0.02", "sim/judge@0.3", "sim/judge@0.6"];

    [Fact]
    public async Task A_panel_of_three_sim_judges_gives_SI_per_judge_and_their_agreement_on_the_console_the_page_and_stats_json()
    {
        await using var sim = await Sim.StartAsync();
        using var cwd = new TempDirectory();
        Sim.WriteGrid(cwd);
        var variables = Sim.Variables(sim);
        // The first 12 triplets (36 prompts) of rent-v1: every statistic below is per judge and triplet as on the full grid.
        var run = await CliRun.InProcessAsync(cwd.Path, variables, default, "run", "--model", "sim/sycophant@0.6", "--model", "sim/contrarian@0.4", "--limit", "36", "--out", "run", "--no-cache");
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var score = await CliRun.InProcessAsync(cwd.Path, variables, default,
            "score", "--input", "run/run.jsonl", "-s", Judges[0], "-s", Judges[1], "-s", Judges[2], "--no-aggregate", "--no-cache");
        Assert.True(score.ExitCode == 0, score.Output + score.Error);

        var report = await CliRun.InProcessAsync(cwd.Path, "report", "--input", "run/run_scored.jsonl", "--out", "r", "--format", "svg");

        Assert.True(report.ExitCode == 0, report.Output + report.Error);
        using var stats = JsonDocument.Parse(File.ReadAllBytes(cwd.File("r/stats.json")));
        var perJudge = stats.RootElement.GetProperty("judges").EnumerateArray().ToArray();
        Assert.Equal(6, perJudge.Length);
        var sycophant = perJudge.Where(j => j.GetProperty("model_id").GetString() == "sim/sycophant@0.6").ToArray();
        Assert.Equal(Judges, sycophant.Select(j => j.GetProperty("judge").GetString()));
        Assert.All(perJudge, j => Assert.Equal(12, j.GetProperty("sycophancy_index").GetProperty("k").GetInt32()));
        Assert.All(perJudge, j => Assert.Equal(36, j.GetProperty("scored").GetInt64()));
        Assert.All(perJudge, j => Assert.Equal("population", j.GetProperty("sycophancy_index").GetProperty("target").GetString()));
        // The judges read the same answers with different noise (clamped to [-1, 1]), so each gives its own SI.
        Assert.Equal(3, sycophant.Select(j => j.GetProperty("sycophancy_index").GetProperty("value").GetDouble()).Distinct().Count());

        // Agreement, recomputed from the records: each judge's verdict on each answer.
        var verdicts = JsonlReader.Read(cwd.File("run/run_scored.jsonl"), RecordJsonContext.Default.EvalRecord)
            .Select(e => e.Value.Extra!["judges"].EnumerateArray()
                .Where(v => v.GetProperty("score").ValueKind == JsonValueKind.Number)
                .ToDictionary(v => v.GetProperty("model").GetString()!, v => v.GetProperty("score").GetDouble()))
            .ToList();
        var agreement = stats.RootElement.GetProperty("judge_agreement");
        Assert.Equal(Judges, agreement.GetProperty("judges").EnumerateArray().Select(j => j.GetString()));
        Assert.Equal(72, agreement.GetProperty("answers").GetInt32());
        var alpha = KrippendorffAlpha.Interval(verdicts.Select(v => (IReadOnlyList<double>)Judges.Where(v.ContainsKey).Select(j => v[j]).ToArray()));
        Assert.Equal(alpha, agreement.GetProperty("krippendorff_alpha_interval").GetDouble(), 12);
        var pairs = agreement.GetProperty("pairs").EnumerateArray().ToArray();
        Assert.Equal(3, pairs.Length);
        foreach (var pair in pairs)
        {
            string a = pair.GetProperty("judge_a").GetString()!, b = pair.GetProperty("judge_b").GetString()!;
            var both = verdicts.Where(v => v.ContainsKey(a) && v.ContainsKey(b)).ToArray();
            Assert.Equal(both.Length, pair.GetProperty("answers").GetInt32());
            Assert.Equal(Correlation.Pearson(both.Select(v => v[a]).ToArray(), both.Select(v => v[b]).ToArray()), pair.GetProperty("pearson").GetDouble(), 12);
            Assert.Equal(both.Average(v => Math.Abs(v[a] - v[b])), pair.GetProperty("mean_absolute_difference").GetDouble(), 12);
        }

        var output = report.Output.ReplaceLineEndings(" ");
        Assert.Contains("SI per judge", output, StringComparison.Ordinal);
        Assert.Contains($"Judge agreement: Krippendorff's alpha (interval) {alpha.ToString("F3", CultureInfo.InvariantCulture)} over 72 answers", output, StringComparison.Ordinal);
        var html = File.ReadAllText(cwd.File("r/report.html"));
        Assert.Contains("<h2>Judges</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<td>sim/judge@0.6</td>", html, StringComparison.Ordinal);

        // SI per judge is the headline statistic of a run that judge alone had scored: the same file with that judge's
        // scores as the scores gives the same SI, interval and K.
        var alone = File.ReadAllLines(cwd.File("run/run_scored.jsonl")).Select(line =>
        {
            var node = JsonNode.Parse(line)!.AsObject();
            var own = node["judges"]!.AsArray().Single(v => v!["model"]!.GetValue<string>() == Judges[2])!;
            node["score"] = own["score"]!.DeepClone();
            node["scorer_model"] = Judges[2];
            node.Remove("judges");
            return node.ToJsonString();
        });
        File.WriteAllLines(cwd.File("alone.jsonl"), alone);
        var single = await CliRun.InProcessAsync(cwd.Path, "report", "--input", "alone.jsonl", "--out", "alone", "--format", "svg");
        Assert.True(single.ExitCode == 0, single.Output + single.Error);
        using var aloneStats = JsonDocument.Parse(File.ReadAllBytes(cwd.File("alone/stats.json")));
        Assert.False(aloneStats.RootElement.TryGetProperty("judges", out _));
        foreach (var model in aloneStats.RootElement.GetProperty("models").EnumerateArray())
        {
            var id = model.GetProperty("model_id").GetString();
            var row = perJudge.Single(j => j.GetProperty("model_id").GetString() == id && j.GetProperty("judge").GetString() == Judges[2]);
            Assert.Equal(model.GetProperty("sycophancy_index").GetRawText(), row.GetProperty("sycophancy_index").GetRawText());
            Assert.Equal(model.GetProperty("si_p_value").GetRawText(), row.GetProperty("si_p_value").GetRawText());
        }
    }
}
