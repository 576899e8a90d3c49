using SycoBench.Agreement;
using SycoBench.Records;
using SycoBench.Reviews;
using SycoBench.Statistics;

namespace SycoBench.Tests.Agreement;

public sealed class AgreementAnalysisTests
{
    private static ReviewExport Review(long item, string reviewer, double score, string identifier = "", string? model = null) =>
        new() { LlmResponseId = item, ReviewerCode = reviewer, Score = score, Dataset = "scenario", Identifier = identifier, ModelId = model };

    /// <summary>Krippendorff's 2011 four-coder table as reviews: coders A–D, units 1–12, missing values absent.</summary>
    private static List<ReviewExport> FourCoderReviews()
    {
        double?[][] table =
        [
            [1, 1, null, 1], [2, 2, 3, 2], [3, 3, 3, 3], [3, 3, 3, 3], [2, 2, 2, 2], [1, 2, 3, 4],
            [4, 4, 4, 4], [1, 1, 2, 1], [2, 2, 2, 2], [null, 5, 5, 5], [null, null, 1, 1], [null, 3, null, null],
        ];
        var reviews = new List<ReviewExport>();
        for (var unit = 0; unit < table.Length; unit++)
        {
            for (var coder = 0; coder < 4; coder++)
            {
                if (table[unit][coder] is { } value)
                    reviews.Add(Review(unit + 1, "ABCD"[coder].ToString(), value));
            }
        }

        return reviews;
    }

    [Fact]
    public void Alpha_of_the_published_example_with_a_reproducible_interval()
    {
        var reviews = FourCoderReviews();

        var report = AgreementAnalysis.Analyse(reviews, options: new AgreementOptions { Seed = 5, BootstrapResamples = 400 });
        var again = AgreementAnalysis.Analyse(reviews, options: new AgreementOptions { Seed = 5, BootstrapResamples = 400 });

        Assert.Equal(0.849107, report.Alpha, precision: 6);
        Assert.Equal(11, report.OverlapItems);
        Assert.Equal(12, report.Items);
        Assert.Equal(4, report.Reviewers);
        Assert.NotNull(report.AlphaInterval);
        Assert.Equal(report.AlphaInterval, again.AlphaInterval);
        Assert.True(report.AlphaInterval!.Value.Lower < report.Alpha && report.Alpha < report.AlphaInterval.Value.Upper);
    }

    [Fact]
    public void A_repeat_review_counts_once_with_the_reviewers_mean()
    {
        var reviews = FourCoderReviews();
        // Coder A scores unit 6 again after a full pass: 1 then 3, counted once as 2.
        reviews.Add(Review(6, "A", 3));

        var report = AgreementAnalysis.Analyse(reviews);

        Assert.Equal(1, report.RepeatReviews);
        var unit6 = report.Consensus.Single(c => c.LlmResponseId == 6);
        Assert.Equal(4, unit6.Reviewers);
        Assert.Equal(2, unit6.Scores[0]);
        Assert.Equal(
            KrippendorffAlpha.Interval(report.Consensus.Where(c => c.Reviewers >= 2).Select(c => c.Scores)),
            report.Alpha, precision: 12);
        Assert.NotEqual(0.849107, report.Alpha, precision: 6);
    }

    [Fact]
    public void Icc_of_the_shrout_fleiss_table_from_reviews()
    {
        double[][] table = [[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9], [6, 2, 4, 7]];
        var reviews = table.SelectMany((row, unit) => row.Select((v, judge) => Review(unit, "J" + judge, v))).ToList();

        var report = AgreementAnalysis.Analyse(reviews);

        Assert.Equal(0.1657, report.Icc!.SingleRating, precision: 4);
        Assert.Equal(0.4428, report.Icc.AverageRating, precision: 4);
        Assert.Equal(6, report.Pairs.Count);
        Assert.All(report.Pairs, p => Assert.Equal(6, p.Items));
    }

    [Fact]
    public void Consensus_is_the_mean_when_signs_agree_and_flagged_when_mixed()
    {
        var report = AgreementAnalysis.Analyse([
            Review(1, "a", 0.5), Review(1, "b", 0.25), Review(1, "c", 0),
            Review(2, "a", 0.5), Review(2, "b", -0.25),
        ]);

        var agreed = report.Consensus.Single(c => c.LlmResponseId == 1);
        var mixed = report.Consensus.Single(c => c.LlmResponseId == 2);
        Assert.False(agreed.MixedSigns);
        Assert.Equal(0.25, agreed.Consensus!.Value, precision: 12);
        Assert.True(mixed.MixedSigns);
        Assert.Null(mixed.Consensus);
    }

    [Fact]
    public void Judge_against_people_per_model_and_perspective()
    {
        var metadata = (string prompt, string perspective) =>
            new SeedMetadata { PromptId = prompt, Perspective = perspective, Sample = 0 }.ToJsonElement();
        var reviews = new List<ReviewExport>
        {
            Review(1, "a", 0.4, "m1|000|0", "m1") with { Metadata = metadata("000", "landlord"), RunId = "7" },
            Review(1, "b", 0.6, "m1|000|0", "m1") with { Metadata = metadata("000", "landlord"), RunId = "7" },
            Review(2, "a", -0.5, "m1|001|0", "m1") with { Metadata = metadata("001", "tenant"), RunId = "7" },
            Review(3, "a", 0.0, "m1|002|0", "m1") with { Metadata = metadata("002", "neutral"), RunId = "7" },
            Review(4, "a", 0.3, "m2|000|0", "m2"),
        };
        var scored = new List<EvalRecord>
        {
            new() { RunId = 7, ModelId = "m1", PromptId = "000", Perspective = "landlord", Score = 0.8 },
            new() { RunId = 7, ModelId = "m1", PromptId = "001", Perspective = "tenant", Score = -0.3 },
            new() { RunId = 7, ModelId = "m1", PromptId = "002", Perspective = "neutral", Score = 0.1 },
            new() { RunId = 8, ModelId = "m2", PromptId = "000", Perspective = "landlord", Score = 0.1 },
            new() { RunId = 8, ModelId = "m2", PromptId = "005", Perspective = "landlord", Score = 0.2 },
        };

        var report = AgreementAnalysis.Analyse(reviews, scored);

        var judge = report.Judge!;
        var landlord = judge.Single(j => j.ModelId == "m1" && j.Perspective == "landlord");
        Assert.Equal(1, landlord.Items);
        Assert.Equal(0.3, landlord.MeanAbsoluteError, precision: 12);
        var m1 = judge.Single(j => j.ModelId == "m1" && j.Perspective == JudgeAgreement.All);
        Assert.Equal(3, m1.Items);
        Assert.Equal((0.3 + 0.2 + 0.1) / 3, m1.MeanAbsoluteError, precision: 12);
        Assert.Equal(Correlation.Pearson([0.5, -0.5, 0.0], [0.8, -0.3, 0.1]), m1.Pearson, precision: 12);
        // m2 item 4: identifier parsed, no run id on the review, so run 8's row matches.
        var overall = judge.Single(j => j.ModelId == JudgeAgreement.All);
        Assert.Equal(4, overall.Items);
        Assert.Equal(0, report.JudgeUnmatched);
    }
}
