using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SycoBench.Records;
using SycoBench.Reporting;
using SycoBench.Reporting.Output;
using SycoBench.Reporting.Paired;
using SycoBench.Scenarios;

namespace SycoBench.Tests.Reporting;

/// <summary>
/// stats.json of two runs against golden files: the published reference run, and a small run with samples, failures,
/// a judge panel, records outside the grid and a second model, so every part of the file is written at least once —
/// once with population intervals (the default) and once with grid intervals (<c>report --target grid</c>).
/// The input path, which differs from machine to machine, is replaced by a placeholder.
/// </summary>
public sealed class StatsJsonGoldenTests
{
    private const string PathPlaceholder = "<input>";

    [Fact]
    public void Stats_json_of_the_reference_run_matches_its_golden_file()
    {
        var input = TestFiles.Reference("run_scored.jsonl");
        var report = new ReportBuilder(FixedTime()).Compute(ScoredRunWriter.Options(input, ScoredRunWriter.Rent));

        Golden.AssertMatches("stats-reference.json", StatsJson(report, input));
    }

    [Theory]
    [InlineData(InferenceTarget.Population, "stats-samples.json")]
    [InlineData(InferenceTarget.Grid, "stats-samples-grid.json")]
    public void Stats_json_of_a_run_with_samples_failures_and_a_panel_matches_its_golden_file(InferenceTarget target, string golden)
    {
        using var dir = new TempDirectory();
        var grid = GridBuilder.Build(ScoredRunWriter.Rent);
        var run = new ScoredRunWriter(ScoredRunWriter.Rent)
            .Model("sim/a", (t, p, s) => t.Index == 5 && p == "tenant" ? null : (p == "landlord" ? 0.4 : p == "tenant" ? -0.2 : 0.1) + 0.05 * s - 0.01 * (t.Index % 7), samples: 2)
            .Model("sim/b", (t, p, s) => p == "neutral" && t.Index < 3 ? null : (p == "landlord" ? 0.1 : -0.1) + 0.02 * (t.Index % 5) - 0.03 * s, samples: 2);
        var panel = JsonSerializer.SerializeToElement(new[] { new { model = "judge/x", score = 0.3 }, new { model = "judge/y", score = 0.5 } });
        run.Add(ScoredRunWriter.Record("sim/b", grid.Prompts[0], 0.4, 2) with { Extra = new() { ["judges"] = panel } });
        run.Add(ScoredRunWriter.Record("sim/b", grid.Prompts[1], 0.9) with { PromptId = "999", Factors = grid.Prompts[1].Factors });
        run.Add(ScoredRunWriter.Record("sim/b", grid.Prompts[1], null, error: "run-error: HTTP 500"));
        var input = run.Write(dir.File("run_scored.jsonl"));
        var report = new ReportBuilder(FixedTime()).Compute(ScoredRunWriter.Options(input, ScoredRunWriter.Rent) with { Seed = 3, Target = target });

        Golden.AssertMatches(golden, StatsJson(report, input));
    }

    private static string StatsJson(Report report, string input)
    {
        using var stream = new MemoryStream();
        new StatsJsonWriter().Write(report, stream);
        var text = Encoding.UTF8.GetString(stream.ToArray());
        var escapedPath = JsonSerializer.Serialize(input)[1..^1];
        Assert.Contains(escapedPath, text, StringComparison.Ordinal);
        return text.Replace(escapedPath, PathPlaceholder, StringComparison.Ordinal);
    }

    /// <summary>The report's "generated" time, fixed so the golden file holds it.</summary>
    private static FakeTimeProvider FixedTime() => new(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
}
