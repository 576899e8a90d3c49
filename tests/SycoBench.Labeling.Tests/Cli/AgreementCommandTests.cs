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
        JsonlFile.WriteAll(_cwd.File(name), reviews, RecordJsonContext.Default.ReviewExport);
        return name;
    }

    private static IEnumerable<ReviewExport> FromTable(double?[][] table, string prefix) =>
        table.SelectMany((row, unit) => row.Select((value, coder) => (value, coder))
            .Where(c => c.value.HasValue)
            .Select(c => new ReviewExport
            {
                LlmResponseId = unit + 1,
                ReviewerCode = prefix + c.coder,
                Score = c.value!.Value,
                Dataset = "scenario",
                Identifier = "unit-" + unit,
                ReviewCreatedAt = "2025-10-11T08:00:00.000Z",
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
        Assert.Matches(@"ICC\(2,1\)\s*│\s*0\.2898", result.Output);
        Assert.Matches(@"ICC\(2,k\), k = 4\s*│\s*0\.6201", result.Output);
        Assert.Matches(@"judge-0\s*│\s*judge-1\s*│\s*6", result.Output);
    }

    [Fact]
    public async Task Judge_against_people_from_a_scored_run()
    {
        var scored = JsonlReader.Read(Seeds.Reference("run_scored.jsonl"), RecordJsonContext.Default.EvalRecord).Select(e => e.Value)
            .Where(r => r.Score is not null).Take(6).ToList();
        var reviews = scored.SelectMany((row, i) => new[] { "a", "b" }.Select(reviewer => new ReviewExport
        {
            LlmResponseId = i + 1,
            ReviewerCode = reviewer,
            Score = Math.Clamp(row.Score!.Value + (reviewer == "a" ? 0.1 : -0.1), -1, 1),
            Dataset = "scenario",
            Identifier = $"{row.ModelId}|{row.PromptId}|0",
            ModelId = row.ModelId,
            RunId = "1760158358",
        }));
        var file = WriteReviews("r.jsonl", reviews);

        var result = await CliRun.InProcessAsync(_cwd.Path, "agreement", "--reviews", file, "--scored", Seeds.Reference("run_scored.jsonl"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Judge against people", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"all\s*│\s*all\s*│\s*6\s*│\s*0\.0\d{3}", result.Output);
        Assert.DoesNotContain("have no judge score", result.Output, StringComparison.Ordinal);
    }

    /// <summary>Three people agree closely on 12 items; two models disagree with them and with each other.</summary>
    private static IEnumerable<ReviewExport> PeopleAndModels()
    {
        for (var i = 0; i < 12; i++)
        {
            var truth = Math.Round(-0.9 + 0.15 * i, 2);
            foreach (var (reviewer, offset) in new[] { ("R-ADA", 0.0), ("R-GRACE", 0.05), ("R-KATE", -0.05) })
                yield return Review(i + 1, reviewer, Math.Clamp(truth + offset, -1, 1));
            yield return Review(i + 1, "llm:sim/judge", i % 2 == 0 ? 0.8 : -0.8);
            yield return Review(i + 1, "llm:other/model", Math.Clamp(0.5 - truth, -1, 1));
        }
    }

    private static ReviewExport Review(long item, string reviewer, double score) => new()
    {
        LlmResponseId = item,
        ReviewerCode = reviewer,
        Score = Math.Round(score, 2),
        Dataset = "aita",
        Identifier = $"aita_{item:000}",
        ReviewCreatedAt = "2025-10-23 07:09:30",
        PromptTitle = "R: NTA AI: NTA",
        PromptBody = $"AITA {item}?",
        ModelResponseText = $"Answer {item}.",
    };

    [Fact]
    public async Task Reliability_is_human_by_default_the_ai_table_lists_each_model_and_include_llm_mixes_them_in()
    {
        var file = WriteReviews("aita_reviews.jsonl", PeopleAndModels());

        var human = await CliRun.InProcessAsync(_cwd.Path, "agreement", "--reviews", file, "--out", "human");
        var mixed = await CliRun.InProcessAsync(_cwd.Path, "agreement", "--reviews", file, "--include-llm", "--out", "mixed");

        Assert.Equal(0, human.ExitCode);
        Assert.Contains("36 reviews of 12 items by 3 reviewers", human.Output, StringComparison.Ordinal);
        Assert.Contains("24 reviews by AI reviewers (llm: codes) are left out", human.Output, StringComparison.Ordinal);
        var humanAlpha = Alpha(human.Output);
        Assert.True(humanAlpha > 0.95, human.Output);
        Assert.Contains("AI reviewers against the human consensus", human.Output, StringComparison.Ordinal);
        var aiCsv = File.ReadAllLines(_cwd.File("human/ai_reviewers.csv"));
        var ai = aiCsv.Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[0]);
        Assert.Equal(["llm:other/model", "llm:sim/judge"], ai.Keys);
        // Item 7 (0, 0.05, −0.05) has mixed human signs and no decision: 11 items to compare, 1 without a consensus.
        Assert.All(ai.Values, f => Assert.Equal(("11", "1"), (f[1], f[6])));
        Assert.True(double.Parse(ai["llm:other/model"][2], System.Globalization.CultureInfo.InvariantCulture) < -0.9); // it scores against the people

        Assert.Equal(0, mixed.ExitCode);
        Assert.Contains("60 reviews of 12 items by 5 reviewers, people and AI", mixed.Output, StringComparison.Ordinal);
        Assert.True(Alpha(mixed.Output) < humanAlpha - 0.5, mixed.Output);
        // The models are still compared with the people alone.
        Assert.Equal(aiCsv, File.ReadAllLines(_cwd.File("mixed/ai_reviewers.csv")));
    }

    private static double Alpha(string output) =>
        double.Parse(System.Text.RegularExpressions.Regex.Match(output, @"Krippendorff's alpha \(interval\)\s*│\s*(-?[0-9.]+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_team_decides_mixed_items_and_the_final_export_carries_the_decisions()
    {
        var reviews = new[]
        {
            Review(1, "R-A", 0.5), Review(1, "R-B", 0.3), Review(2, "R-A", 0.6), Review(2, "R-B", -0.4),
            Review(3, "R-A", -0.2), Review(3, "R-B", 0.1), Review(4, "R-A", -0.5), Review(4, "R-B", -0.7),
        };
        var file = WriteReviews("aita_reviews.jsonl", reviews);

        var first = await CliRun.InProcessAsync(_cwd.Path, "agreement", "--reviews", file, "--html");
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("2 undecided (mixed signs, no decision yet)", first.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(_cwd.File("agreement.html")));
        var team = File.ReadAllText(_cwd.File("team_review_consensus.csv"));
        Assert.StartsWith("response_id,priority,range,consensus_score,min_score,max_score,reviewer_scores,prompt_title,prompt_body,model_response_text,manual_consensus\n", team, StringComparison.Ordinal);

        // The team fills in one of the two mixed items (the last cell of its row) and runs the analysis on the same file.
        var lines = team.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var decided = lines.Select(l => l.StartsWith("2,", StringComparison.Ordinal) ? l + "0.15" : l);
        File.WriteAllText(_cwd.File("team_review_consensus.csv"), string.Join('\n', decided) + "\n");
        var before = File.ReadAllText(_cwd.File("team_review_consensus.csv"));

        var second = await CliRun.InProcessAsync(_cwd.Path, "agreement", "--reviews", file, "--decisions", "team_review_consensus.csv");

        Assert.Equal(0, second.ExitCode);
        Assert.Contains("1 by the team's decision from team_review_consensus.csv, 1 undecided", second.Output, StringComparison.Ordinal);
        Assert.Contains("Left team_review_consensus.csv as it is", second.Output, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(_cwd.File("team_review_consensus.csv")));
        var final = File.ReadAllLines(_cwd.File("final_consensus_export.csv"));
        Assert.Equal("response_id,final_consensus,consensus_source,prompt_title,prompt_body,model_response_text,reviewer_scores,range,mean_score,min_score,max_score", final[0]);
        Assert.StartsWith("1,0.4,calculated,R: NTA AI: NTA,AITA 1?,Answer 1.,", final[1], StringComparison.Ordinal);
        Assert.StartsWith("2,0.15,manual,", final[2], StringComparison.Ordinal);
        Assert.StartsWith("3,,undecided,", final[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_decision_that_cannot_be_used_names_the_file_and_line()
    {
        var file = WriteReviews("r.jsonl", [Review(1, "R-A", 0.5), Review(1, "R-B", -0.3)]);
        File.WriteAllText(_cwd.File("d.csv"), "response_id,manual_consensus\n1,0.2\n2,0.1\n");

        var result = await CliRun.InProcessAsync(_cwd.Path, "agreement", "--reviews", file, "--decisions", "d.csv");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: d.csv:3: item 2 has no review in the analysed reviews", result.Error.Trim());
        Assert.False(File.Exists(_cwd.File("final_consensus_export.csv")));
    }

    [Fact]
    public async Task Only_ai_reviews_without_include_llm_is_an_error_and_an_output_may_not_replace_an_input()
    {
        var file = WriteReviews("ai.jsonl", [Review(1, "llm:a", 0.5), Review(1, "llm:b", -0.3)]);
        var inputs = WriteReviews("reviewers.csv", [Review(1, "R-A", 0.5), Review(1, "R-B", -0.3)]);

        var onlyAi = await CliRun.InProcessAsync(_cwd.Path, "agreement", "--reviews", file);
        var included = await CliRun.InProcessAsync(_cwd.Path, "agreement", "--reviews", file, "--include-llm", "--out", "ai");
        var clash = await CliRun.InProcessAsync(_cwd.Path, "agreement", "--reviews", inputs);

        Assert.Equal(1, onlyAi.ExitCode);
        Assert.Contains("ai.jsonl: no human reviews, only 2 by AI reviewers", onlyAi.Error, StringComparison.Ordinal);
        Assert.Equal(0, included.ExitCode);
        Assert.Equal(2, clash.ExitCode);
        Assert.Contains("--reviews reviewers.csv would be overwritten", clash.Error, StringComparison.Ordinal);
        Assert.StartsWith("{", File.ReadAllText(_cwd.File("reviewers.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_consensus_csv_may_not_take_the_place_of_an_analysis_file_or_of_the_decisions()
    {
        // --consensus-out q/reviewers.csv replaced the reviewers table just written (exit 0); the team review file read
        // as --decisions stays refused as an input.
        var file = WriteReviews("reviews.jsonl", [Review(1, "R-A", 0.5), Review(1, "R-B", 0.3), Review(2, "R-A", 0.5), Review(2, "R-B", -0.3)]);
        Assert.Equal(0, (await CliRun.InProcessAsync(_cwd.Path, "agreement", "--reviews", file, "--out", "q")).ExitCode);
        var before = File.ReadAllText(_cwd.File("q/team_review_consensus.csv"));

        var analysis = await CliRun.InProcessAsync(_cwd.Path, "agreement", "--reviews", file, "--out", "q", "--consensus-out", "q/reviewers.csv");
        var decisions = await CliRun.InProcessAsync(_cwd.Path, "agreement", "--reviews", file, "--out", "q",
            "--decisions", "q/team_review_consensus.csv", "--consensus-out", "q/team_review_consensus.csv");

        Assert.Equal(2, analysis.ExitCode);
        Assert.Equal("error: --consensus-out q/reviewers.csv is the reviewers.csv this command writes into --out; choose another path", analysis.Error.Trim());
        Assert.StartsWith("reviewer_code,", File.ReadAllText(_cwd.File("q/reviewers.csv")), StringComparison.Ordinal);
        Assert.Equal(2, decisions.ExitCode);
        Assert.StartsWith("error: --consensus-out q/team_review_consensus.csv", decisions.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(_cwd.File("q/team_review_consensus.csv")));
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

    [Theory]
    [InlineData("""{"llm_response_id": 1, "reviewer_code": "b", "scroe": 0.5, "dataset": "scenario", "identifier": "i"}""", "'score'")]
    [InlineData("""{"llm_response_id": 1, "reviewer_code": "b", "dataset": "scenario", "identifier": "i"}""", "'score'")]
    [InlineData("""{"reviewer_code": "b", "score": 0.5, "dataset": "scenario", "identifier": "i"}""", "'llm_response_id'")]
    [InlineData("""{"llm_response_id": 1, "score": 0.5, "dataset": "scenario", "identifier": "i"}""", "'reviewer_code'")]
    [InlineData("""{"llm_response_id": 1, "reviewer_code": "b", "score": 0.5, "dataset": "scenario", "identifier": "i", "score": -0.9}""", "Duplicate")]
    public async Task A_review_without_its_score_item_or_reviewer_or_with_a_field_twice_names_the_line(string line, string named)
    {
        // A missing score used to read as a score of 0 (and of a score given twice the last was used): every figure
        // would have counted a score nobody gave.
        File.WriteAllLines(_cwd.File("reviews.jsonl"), [
            """{"llm_response_id": 1, "reviewer_code": "a", "score": 0.5, "notes": null, "review_created_at": "x", "dataset": "scenario", "identifier": "i", "model_id": null}""",
            line,
        ]);

        var result = await CliRun.InProcessAsync(_cwd.Path, "agreement", "--reviews", "reviews.jsonl");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: reviews.jsonl:2: malformed line", result.Error, StringComparison.Ordinal);
        Assert.Contains(named, result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_cwd.File("reviewers.csv")));
    }
}
