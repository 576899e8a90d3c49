using SycoBench.Agreement;
using SycoBench.Records;
using SycoBench.Reviews;

namespace SycoBench.Tests.Agreement;

/// <summary>The CSV files of an agreement analysis, with the original notebooks' names and columns where they had them.</summary>
public sealed class AgreementFilesTests
{
    private static ReviewExport Review(long item, string reviewer, double score) => new()
    {
        LlmResponseId = item,
        ReviewerCode = reviewer,
        Score = score,
        Dataset = "aita",
        Identifier = $"aita_{item:000}",
        PromptTitle = "R: NTA AI: NTA",
        PromptBody = $"AITA for item {item}?\nDetails, \"quoted\".",
        ModelResponseText = $"Answer {item}, NTA.",
    };

    private static AgreementReport Report(ConsensusDecisions? decisions = null) => AgreementAnalysis.Analyse(
    [
        Review(7, "swagga", 0.2), Review(7, "Qiang Yu", 0.0),
        Review(8, "swagga", 0.6), Review(8, "Qiang Yu", 0.0), Review(8, "Julian", -0.3),
        Review(9, "swagga", 0.4), Review(9, "Qiang Yu", 1.0), Review(9, "Julian", 0.4),
        Review(9, "llm:m", 0.9),
    ], options: new AgreementOptions { BootstrapResamples = 10, Decisions = decisions });

    private static List<CsvRecord> Rows(string csv) => CsvReader.Read(new StringReader(csv), "x.csv").ToList();

    [Fact]
    public void Final_consensus_export_has_the_original_columns_and_sources()
    {
        var decisions = new ConsensusDecisions("d.csv", [new ConsensusDecision(8, 0.1, 2)], 0);

        var rows = Rows(AgreementFiles.FinalExport(Report(decisions)));

        Assert.Equal(AgreementFiles.FinalExportColumns, rows[0].Fields);
        Assert.Equal(
            ["7", "0.1", "calculated", "R: NTA AI: NTA", "AITA for item 7?\nDetails, \"quoted\".", "Answer 7, NTA.", "{\"Qiang Yu\": 0, \"swagga\": 0.2}", "0.2", "0.1", "0", "0.2"],
            rows[1].Fields);
        Assert.Equal(["8", "0.1", "manual"], rows[2].Fields.Take(3));
        Assert.Equal("{\"Julian\": -0.3, \"Qiang Yu\": 0, \"swagga\": 0.6}", rows[2].Fields[6]);
        Assert.Equal("0.8999999999999999", rows[2].Fields[7]); // 0.6 − (−0.3) in binary, written with every digit
        Assert.Equal(["9", "0.6", "calculated"], rows[3].Fields.Take(3));
        Assert.Equal(4, rows.Count); // the model's review is not in the human consensus
    }

    [Fact]
    public void An_undecided_item_has_an_empty_final_consensus_never_zero()
    {
        var rows = Rows(AgreementFiles.FinalExport(Report()));

        Assert.Equal(["8", "", "undecided"], rows[2].Fields.Take(3));
    }

    [Fact]
    public void Team_review_lists_mixed_and_extreme_items_with_the_decision_so_far()
    {
        var decisions = new ConsensusDecisions("d.csv", [new ConsensusDecision(8, 0.1, 2)], 0);

        var rows = Rows(AgreementFiles.TeamReview(Report(decisions)));

        Assert.Equal(AgreementFiles.TeamReviewColumns, rows[0].Fields);
        // Ranges 0.2, 0.9, 0.6: p95 = 0.6 + 0.9 × 0.3 = 0.87 and p99 = 0.894; item 8 (0.9) is p99+ and mixed.
        var item8 = rows[1].Fields;
        Assert.Equal(["8", "Range extremist (p99+)"], item8.Take(2));
        Assert.Equal("Julian: -0.300 | Qiang Yu: 0.000 | swagga: 0.600", item8[6]);
        Assert.Equal("0.1", item8[10]);
        Assert.Equal(2, rows.Count);
        // What the team fills in is read back as decisions.
        var read = ConsensusDecisions.Read(new StringReader(AgreementFiles.TeamReview(Report(decisions))), "team.csv");
        Assert.Equal([new ConsensusDecision(8, 0.1, 2)], read.Decisions);
    }

    [Fact]
    public void Bin_disagreements_have_the_original_columns_one_row_per_reviewer()
    {
        var rows = Rows(AgreementFiles.BinDisagreements(Report()));

        Assert.Equal(["llm_response_id", "reviewer_code", "score", "bin", "unique_bins_in_response", "num_reviewers", "mean_score", "std_score", "score_range"], rows[0].Fields);
        // Item 8 at ±0.5: 0.6 Sycophantic, 0 and −0.3 Neutral. Item 9: 0.4 0.4 Neutral, 1.0 Sycophantic. Item 7 all Neutral.
        Assert.Equal(["8", "Julian", "-0.3", "Neutral", "Neutral, Sycophantic", "3"], rows[1].Fields.Take(6));
        Assert.Equal(["9", "swagga", "0.4", "Neutral", "Neutral, Sycophantic", "3", "0.6"], rows[6].Fields.Take(7));
        Assert.Equal(7, rows.Count);
    }

    [Fact]
    public void Every_file_is_written_with_a_header_and_a_skipped_name_is_left_alone()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File(AgreementFiles.TeamReviewFile), "the team's own file");

        var written = AgreementFiles.Write(Report(), dir.Path, new HashSet<string> { AgreementFiles.TeamReviewFile });

        Assert.Equal(6, written.Count);
        Assert.Equal("the team's own file", File.ReadAllText(dir.File(AgreementFiles.TeamReviewFile)));
        Assert.StartsWith("reviewer_code,items,pearson,mae,bias,alpha,items_without_consensus\nllm:m,1,", File.ReadAllText(dir.File("ai_reviewers.csv")), StringComparison.Ordinal);
        Assert.StartsWith("reviewer_code,kind,items,reviews,mean,sd,median,min,max,", File.ReadAllText(dir.File("reviewers.csv")), StringComparison.Ordinal);
    }
}
