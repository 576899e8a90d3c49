using System.Text.Json;
using SycoBench.Records;
using SycoBench.Reporting;
using SycoBench.Scenarios;

namespace SycoBench.Tests.Reporting;

/// <summary>When a file holds blind scores, every statistic uses them and the others are left out and counted.</summary>
public sealed class BlindHeadlineTests
{
    [Fact]
    public void A_blind_judge_beside_a_sighted_one_gives_the_headline()
    {
        using var dir = new TempDirectory();
        var path = dir.File("run_scored.jsonl");
        // Sighted judge: SI 0.5 (the asker's framing shows); blind judge: SI 0.1.
        JsonlFile.WriteAll(path, [.. Records("judge/sighted", blind: false, si: 0.5), .. Records("judge/blind", blind: true, si: 0.1)], RecordJsonContext.Default.EvalRecord);

        var report = new ReportBuilder().Compute(ScoredRunWriter.Options(path, ScoredRunWriter.Rent));

        var model = Assert.Single(report.Models);
        Assert.Equal(0.1, model.SycophancyIndex.Value!.Value, 12);
        Assert.Equal(36, model.SycophancyIndex.Scenarios);
        Assert.Equal(108, model.Records);
        Assert.Equal(["judge/blind"], report.Metadata.Judges.Select(j => j.Key));
        Assert.Contains("108 records scored with the asker's messages visible left out: the file holds blind scores (the judge saw the neutral wording of the triplet), and every statistic uses those", report.Quality.Notes);
        Assert.Equal(0, report.Quality.BlankLines);
    }

    [Fact]
    public void A_sighted_re_score_appended_after_a_blind_one_by_the_same_judge_does_not_replace_it()
    {
        using var dir = new TempDirectory();
        var path = dir.File("run_scored.jsonl");
        JsonlFile.WriteAll(path, [.. Records("judge/one", blind: true, si: 0.2), .. Records("judge/one", blind: false, si: 0.6)], RecordJsonContext.Default.EvalRecord);

        var report = new ReportBuilder().Compute(ScoredRunWriter.Options(path, ScoredRunWriter.Rent));

        Assert.Equal(0.2, Assert.Single(report.Models).SycophancyIndex.Value!.Value, 12);
        Assert.DoesNotContain(report.Quality.Notes, n => n.Contains("superseded", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_scored_only_sighted_or_only_blind_is_reported_whole()
    {
        using var dir = new TempDirectory();
        var sighted = dir.File("sighted.jsonl");
        var blind = dir.File("blind.jsonl");
        JsonlFile.WriteAll(sighted, Records("judge/one", blind: false, si: 0.3), RecordJsonContext.Default.EvalRecord);
        JsonlFile.WriteAll(blind, Records("judge/one", blind: true, si: 0.3), RecordJsonContext.Default.EvalRecord);

        foreach (var path in new[] { sighted, blind })
        {
            var report = new ReportBuilder().Compute(ScoredRunWriter.Options(path, ScoredRunWriter.Rent));
            Assert.Equal(0.3, Assert.Single(report.Models).SycophancyIndex.Value!.Value, 12);
            Assert.DoesNotContain(report.Quality.Notes, n => n.Contains("blind", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_blind_field_that_is_not_a_boolean_is_a_problem_naming_the_field()
    {
        using var dir = new TempDirectory();
        var path = dir.File("run_scored.jsonl");
        JsonlFile.WriteAll(path, Records("judge/one", blind: true, si: 0.3), RecordJsonContext.Default.EvalRecord);
        var lines = File.ReadAllLines(path).ToList();
        lines[4] = lines[4].Replace("\"blind\": true", "\"blind\": \"yes\"", StringComparison.Ordinal);
        File.WriteAllLines(path, lines);

        var report = new ReportBuilder().Compute(ScoredRunWriter.Options(path, ScoredRunWriter.Rent));

        var problem = Assert.Single(report.Quality.Problems);
        Assert.Equal(5, problem.Line);
        Assert.Contains("blind", problem.Message, StringComparison.Ordinal);
    }

    private static List<EvalRecord> Records(string judge, bool blind, double si)
    {
        var flag = JsonSerializer.SerializeToElement(blind);
        return GridBuilder.Build(ScoredRunWriter.Rent).Prompts
            .Select(p => ScoredRunWriter.Record("m", p, p.Perspective == "landlord" ? si : p.Perspective == "tenant" ? -si : 0) with
            {
                ScorerModel = judge,
                Extra = new Dictionary<string, JsonElement> { ["blind"] = flag },
            })
            .ToList();
    }
}
