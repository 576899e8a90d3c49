using System.Text;
using SycoBench.Records;
using SycoBench.Reporting;
using SycoBench.Scenarios;

namespace SycoBench.Tests.Reporting;

/// <summary>Malformed lines, rows without factors, a model with only neutral answers, one model: no crash, and the report says what was missing.</summary>
public sealed class MissingDataTests
{
    [Fact]
    public void Malformed_lines_are_counted_with_their_line_numbers_and_the_rest_is_reported()
    {
        using var dir = new TempDirectory();
        var path = new ScoredRunWriter(ScoredRunWriter.Rent).Model("m", (_, p, _) => p == "landlord" ? 0.5 : 0).Write(dir.File("run_scored.jsonl"));
        var lines = File.ReadAllLines(path).ToList();
        lines.Insert(3, "{not json");
        lines.Insert(10, "");
        lines.Insert(20, "{\"model_id\": \"m\", \"score\": \"high\"}");
        lines.Insert(30, "[1, 2]");
        var torn = lines[^1][..40];
        File.WriteAllText(path, string.Join("\n", lines) + "\n" + torn);

        var result = new ReportBuilder().Run(ScoredRunWriter.Options(path, ScoredRunWriter.Rent, dir.Path));
        var report = result.Report;
        var split = new ReportBuilder().Compute(ScoredRunWriter.Options(path, ScoredRunWriter.Rent) with { ChunkSize = 300, Workers = 3 });
        Assert.Equal(report.Quality.Problems, split.Quality.Problems);
        Assert.Equal(report.Summary, split.Summary);

        Assert.Equal(4, report.Quality.MalformedLines);
        Assert.Equal([4L, 21, 31, 113], report.Quality.Problems.Select(p => p.Line));
        Assert.Contains("'score' must be a number or null", report.Quality.Problems[1].Message, StringComparison.Ordinal);
        Assert.Equal(1, report.Quality.BlankLines);
        Assert.Equal(108, report.Summary.Single().N);
        Assert.Contains(report.Quality.Notes, n => n.StartsWith("4 lines could not be read", StringComparison.Ordinal));
        var html = File.ReadAllText(dir.File("report.html"));
        Assert.Contains("Lines that could not be read (4)", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_without_factors_count_in_n_only_and_are_named()
    {
        using var dir = new TempDirectory();
        var run = new ScoredRunWriter(ScoredRunWriter.Rent).Model("m", (_, p, _) => p == "landlord" ? 0.5 : 0);
        var grid = GridBuilder.Build(ScoredRunWriter.Rent);
        run.Add(ScoredRunWriter.Record("m", grid.Prompts[0], 0.9) with { Factors = null, PromptId = "900" });
        run.Add(ScoredRunWriter.Record("m", grid.Prompts[1], -0.9) with { Factors = null, PromptId = "" });

        var report = new ReportBuilder().Compute(ScoredRunWriter.Options(run.Write(dir.File("r.jsonl")), ScoredRunWriter.Rent));

        var summary = report.Summary.Single();
        Assert.Equal(110, summary.N);
        Assert.Equal(36, summary.PositiveN);
        var model = report.Models.Single();
        Assert.Equal(2, model.NoFactors);
        Assert.Equal(0.25, model.SycophancyIndex.Value!.Value, 12);
        Assert.Contains(model.Notes, n => n.Contains("2 records without factors", StringComparison.Ordinal));
        Assert.Contains(report.Quality.Notes, n => n.Contains("2 records without factors", StringComparison.Ordinal));
    }

    [Fact]
    public void A_model_with_only_neutral_answers_has_a_baseline_and_an_explained_blank_si()
    {
        using var dir = new TempDirectory();
        var run = new ScoredRunWriter(ScoredRunWriter.Rent).Model("a/full", (_, p, _) => p == "landlord" ? 0.5 : 0);
        foreach (var prompt in GridBuilder.Build(ScoredRunWriter.Rent).Prompts.Where(p => p.Perspective == "neutral"))
            run.Add(ScoredRunWriter.Record("b/neutral-only", prompt, 0.2));
        var options = ScoredRunWriter.Options(run.Write(dir.File("run_scored.jsonl")), ScoredRunWriter.Rent, dir.Path);

        var result = new ReportBuilder().Run(options);

        var model = result.Report.Models.Single(m => m.ModelId == "b/neutral-only");
        Assert.Null(model.SycophancyIndex.Value);
        Assert.Null(model.SycophancyP);
        Assert.Equal(0.2, model.Baseline.Value!.Value, 12);
        Assert.Contains(model.Notes, n => n.Contains("no scored landlord or tenant answers", StringComparison.Ordinal));
        Assert.Contains(result.Report.Quality.Notes, n => n.Contains("b/neutral-only has only neutral answers", StringComparison.Ordinal));
        var summaryRow = File.ReadAllLines(dir.File("run_scored.csv"))[2];
        Assert.Equal("b/neutral-only,36,0.2000,0.0000,1.0000,0.0000,0,,,0,,", summaryRow);
        var comparison = Assert.Single(result.Report.Comparisons);
        Assert.Null(comparison.Difference.Value);
        var html = File.ReadAllText(dir.File("report.html"));
        Assert.Contains("b/neutral-only has only neutral answers", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_with_one_model_reports_without_comparisons_and_says_so()
    {
        using var dir = new TempDirectory();
        var run = new ScoredRunWriter(ScoredRunWriter.Rent).Model("solo", (_, p, _) => p == "tenant" ? -0.5 : 0);
        var result = new ReportBuilder().Run(ScoredRunWriter.Options(run.Write(dir.File("run_scored.jsonl")), ScoredRunWriter.Rent, dir.Path));

        Assert.Empty(result.Report.Comparisons);
        Assert.Contains("only one model: there are no model comparisons", result.Report.Quality.Notes);
        Assert.Contains("No comparisons: the report has fewer than two models.", File.ReadAllText(dir.File("report.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void Records_of_another_scenario_are_reported_as_matching_no_prompt()
    {
        using var dir = new TempDirectory();
        var wage = ScenarioLoader.Load(TestFiles.Scenario("wage-v1"));
        var path = new ScoredRunWriter(wage).Model("m", (_, _, _) => 0.1).Write(dir.File("r.jsonl"));

        var report = new ReportBuilder().Compute(ScoredRunWriter.Options(path, ScoredRunWriter.Rent));

        var model = report.Models.Single();
        Assert.Equal(108, model.NotInGrid);
        Assert.Null(model.SycophancyIndex.Value);
        Assert.Contains(report.Quality.Notes, n => n.Contains("108 records match no prompt of scenario rent-v1", StringComparison.Ordinal));
    }

    [Fact]
    public void An_empty_or_unreadable_file_is_an_input_error_naming_the_file()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("empty.jsonl"), "\n\n");
        File.WriteAllText(dir.File("garbage.jsonl"), "oops\n{\n", Encoding.UTF8);

        var empty = Assert.Throws<InputException>(() => new ReportBuilder().Compute(ScoredRunWriter.Options(dir.File("empty.jsonl"), ScoredRunWriter.Rent)));
        var garbage = Assert.Throws<InputException>(() => new ReportBuilder().Compute(ScoredRunWriter.Options(dir.File("garbage.jsonl"), ScoredRunWriter.Rent)));
        var missing = Assert.Throws<InputException>(() => new ReportBuilder().Compute(ScoredRunWriter.Options(dir.File("nope.jsonl"), ScoredRunWriter.Rent)));

        Assert.Contains("empty.jsonl: nothing to report: it holds no records", empty.Message, StringComparison.Ordinal);
        Assert.Contains("none of its 2 lines can be read (line 1:", garbage.Message, StringComparison.Ordinal);
        Assert.Contains("nope.jsonl: file not found", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_rows_and_unknown_perspectives_are_counted()
    {
        using var dir = new TempDirectory();
        var run = new ScoredRunWriter(ScoredRunWriter.Rent).Model("m", (_, p, _) => p == "landlord" ? 0.5 : 0);
        var grid = GridBuilder.Build(ScoredRunWriter.Rent);
        // The same answer scored by a second judge: another key (SPEC §8), so both count, as a duplicated sample.
        run.Add(ScoredRunWriter.Record("m", grid.Prompts[0], 0.5) with { ScorerModel = "judge/second" });
        run.Add(ScoredRunWriter.Record("m", grid.Prompts[1], 0.0) with { Perspective = "lodger", Factors = null, PromptId = "901" });

        var model = new ReportBuilder().Compute(ScoredRunWriter.Options(run.Write(dir.File("r.jsonl")), ScoredRunWriter.Rent)).Models.Single();

        Assert.Equal(1, model.Duplicates);
        Assert.Contains(model.Notes, n => n.Contains("with a perspective that is not landlord, tenant or neutral", StringComparison.Ordinal));
    }

    [Fact]
    public void A_byte_order_mark_and_windows_line_ends_change_nothing()
    {
        using var dir = new TempDirectory();
        var text = File.ReadAllText(TestFiles.Reference("run_scored.jsonl")).Replace("\n", "\r\n", StringComparison.Ordinal);
        File.WriteAllText(dir.File("run_scored.jsonl"), text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        new ReportBuilder().Run(ScoredRunWriter.Options(dir.File("run_scored.jsonl"), ScoredRunWriter.Rent, dir.Path));

        Assert.Equal(File.ReadAllBytes(TestFiles.Reference("run_scored.csv")), File.ReadAllBytes(dir.File("run_scored.csv")));
    }
}
