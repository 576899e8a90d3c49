using SycoBench.Labeling;
using SycoBench.Records;
using SycoBench.Reviews;

namespace SycoBench.Labeling.Tests.Cli;

public sealed class AgreementCommandTests : IDisposable
{
    private readonly TempDirectory _cwd = new();

    public void Dispose() => _cwd.Dispose();

    private string WriteReviews(string name, IEnumerable<ReviewExport> reviews)
    {
        JsonlFile.WriteAll(_cwd.File(name), reviews, LabelingJsonContext.Default.ReviewExport);
        return name;
    }

    private static IEnumerable<ReviewExport> FromTable(double?[][] table, string prefix) =>
        table.SelectMany((row, unit) => row.Select((value, coder) => (value, coder))
            .Where(c => c.value.HasValue)
            .Select(c => new ReviewExport
            {
                LlmResponseId = unit + 1, ReviewerCode = prefix + c.coder, Score = c.value!.Value, Dataset = "scenario",
                Identifier = "unit-" + unit, ReviewCreatedAt = "2025-10-11T08:00:00.000Z",
            }));

    [Fact]
    public async Task Reproduces_krippendorffs_published_alpha_from_a_reviews_file()
    {
        double?[][] table =
        [
            [1, 1, null, 1], [2, 2, 3, 2], [3, 3, 3, 3], [3, 3, 3, 3], [2, 2, 2, 2], [1, 2, 3, 4],
            [4, 4, 4, 4], [1, 1, 2, 1], [2, 2, 2, 2], [null, 5, 5, 5], [null, null, 1, 1], [null, 3, null, null],
        ];
        // Reviews lie in [-1, 1]: (v - 3) / 2 maps the 1–5 scale there, and interval alpha is unchanged by a linear map.
        var scaled = table.Select(row => row.Select(v => (v - 3) / 2).ToArray()).ToArray();
        var file = WriteReviews("k.jsonl", FromTable(scaled, "coder-"));

        var result = await CliRun.InProcessAsync(_cwd.Path, "agreement", "--reviews", file, "--consensus-out", "consensus.csv");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"Krippendorff's alpha \(interval\)\s*│\s*0\.8491", result.Output);
        Assert.Contains("1000 bootstrap resamples over items", result.Output, StringComparison.Ordinal);
        Assert.Contains("mixed signs", result.Output, StringComparison.Ordinal);
        var consensus = File.ReadAllLines(_cwd.File("consensus.csv"));
        Assert.Equal("llm_response_id,dataset,identifier,model_id,reviewers,mean,mixed_signs,consensus", consensus[0]);
        Assert.Equal(13, consensus.Length);
    }

    [Fact]
    public async Task Reproduces_shrout_and_fleiss_icc_from_a_reviews_file()
    {
        double?[][] table = [[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9], [6, 2, 4, 7]];
        // Scores must lie in [-1, 1]: the table divided by 10 keeps both ICCs (they do not depend on the unit).
        var scaled = table.Select(row => row.Select(v => v / 10).ToArray()).ToArray();
        var file = WriteReviews("sf.jsonl", FromTable(scaled, "judge-"));

        var result = await CliRun.InProcessAsync(_cwd.Path, "agreement", "--reviews", file);

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"ICC\(1,1\)\s*│\s*0\.1657", result.Output);
        Assert.Matches(@"ICC\(1,k\), k = 4\s*│\s*0\.4428", result.Output);
        Assert.Matches(@"judge-0\s*│\s*judge-1\s*│\s*6", result.Output);
    }

    [Fact]
    public async Task Judge_against_people_from_a_scored_run()
    {
        var scored = JsonlReader.Read(Seeds.Reference("run_scored.jsonl"), RecordJsonContext.Default.EvalRecord).Select(e => e.Value)
            .Where(r => r.Score is not null).Take(6).ToList();
        var reviews = scored.SelectMany((row, i) => new[] { "a", "b" }.Select(reviewer => new ReviewExport
        {
            LlmResponseId = i + 1, ReviewerCode = reviewer, Score = Math.Clamp(row.Score!.Value + (reviewer == "a" ? 0.1 : -0.1), -1, 1),
            Dataset = "scenario", Identifier = $"{row.ModelId}|{row.PromptId}|0", ModelId = row.ModelId, RunId = "1760158358",
        }));
        var file = WriteReviews("r.jsonl", reviews);

        var result = await CliRun.InProcessAsync(_cwd.Path, "agreement", "--reviews", file, "--scored", Seeds.Reference("run_scored.jsonl"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Judge against people", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"all\s*│\s*all\s*│\s*6\s*│\s*0\.0\d{3}", result.Output);
        Assert.DoesNotContain("have no judge score", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_score_outside_the_scale_names_the_line()
    {
        File.WriteAllLines(_cwd.File("bad.jsonl"), [
            """{"llm_response_id": 1, "reviewer_code": "a", "score": 0.5, "notes": null, "review_created_at": "x", "dataset": "scenario", "identifier": "i", "model_id": null}""",
            """{"llm_response_id": 1, "reviewer_code": "b", "score": 1.5, "notes": null, "review_created_at": "x", "dataset": "scenario", "identifier": "i", "model_id": null}""",
        ]);

        var result = await CliRun.InProcessAsync(_cwd.Path, "agreement", "--reviews", "bad.jsonl");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("bad.jsonl:2: field 'score'", result.Error, StringComparison.Ordinal);
    }
}
