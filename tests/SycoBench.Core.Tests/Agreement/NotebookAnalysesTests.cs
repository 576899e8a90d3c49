using SycoBench.Agreement;
using SycoBench.Reviews;
using SycoBench.Statistics;
using SycoBench.Tests.Statistics;

namespace SycoBench.Tests.Agreement;

/// <summary>
/// The analyses of the original tool's notebooks, each on data small enough to work out by hand (the working is in
/// the comments), and the split between people's and AI reviewers.
/// </summary>
public sealed class NotebookAnalysesTests
{
    private static ReviewExport Review(long item, string reviewer, double score, string dataset = "aita") =>
        new() { LlmResponseId = item, ReviewerCode = reviewer, Score = score, Dataset = dataset, Identifier = $"i{item}" };

    private static List<ReviewExport> FromTable(double?[][] table, params string[] reviewers) =>
        table.SelectMany((row, item) => row.Select((score, r) => (score, r)).Where(c => c.score.HasValue)
            .Select(c => Review(item + 1, reviewers[c.r], c.score!.Value))).ToList();

    // Two people and one model on four items. Item 3 has mixed human signs.
    private static List<ReviewExport> PeopleAndModel() =>
    [
        Review(1, "a", 0.5), Review(1, "b", 0.3), Review(1, "llm:m", 0.6),
        Review(2, "a", -0.2), Review(2, "b", -0.4), Review(2, "llm:m", -0.1),
        Review(3, "a", 0.6), Review(3, "b", -0.2), Review(3, "llm:m", 0.5),
        Review(4, "a", 0.0), Review(4, "b", 0.2), Review(4, "llm:m", 0.1),
    ];

    [Fact]
    public void Ai_reviews_are_left_out_of_the_reviewer_figures_and_compared_with_the_human_consensus()
    {
        var report = AgreementAnalysis.Analyse(PeopleAndModel(), options: new AgreementOptions { BootstrapResamples = 10 });

        Assert.Equal(8, report.Reviews);
        Assert.Equal(4, report.AiReviews);
        Assert.Equal(2, report.Reviewers);
        Assert.DoesNotContain(report.Consensus, c => c.ReviewerCodes.Contains("llm:m"));
        var people = new double[][] { [0.5, 0.3], [-0.2, -0.4], [0.6, -0.2], [0.0, 0.2] };
        Assert.Equal(KrippendorffAlpha.Interval(people), report.Alpha, precision: 12);

        // Human consensus: item 1 0.4, item 2 −0.3, item 3 mixed (none), item 4 0.1. The model: 0.6, −0.1, 0.1 there.
        // MAE = bias = (0.2 + 0.2 + 0) / 3. Alpha of (0.4, 0.6) (−0.3, −0.1) (0.1, 0.1): observed 2 × (0.04 + 0.04) / 6 …
        // D_o = 0.16 / 6, D_e = 2 (6 × 0.64 − 0.8²) / 30 = 6.4 / 30, alpha = 1 − 0.02667 / 0.21333 = 0.875.
        var ai = Assert.Single(report.AiAgreement);
        Assert.Equal("llm:m", ai.ReviewerCode);
        Assert.Equal(3, ai.Items);
        Assert.Equal(1, ai.WithoutConsensus);
        Assert.Equal(0.4 / 3, ai.MeanAbsoluteError, precision: 12);
        Assert.Equal(0.4 / 3, ai.Bias, precision: 12);
        Assert.Equal(0.875, ai.Alpha, precision: 12);
        // r: deviations (1/3, −11/30, 1/30) and (0.4, −0.3, −0.1): 0.24 / √(0.246667 × 0.26) = 0.24 / 0.253245 = 0.947697.
        Assert.Equal(0.947697, ai.Pearson, precision: 6);
        Assert.Contains(report.Profiles, p => p.ReviewerCode == "llm:m" && p.IsAi && p.Items == 4);
    }

    [Fact]
    public void Include_ai_counts_the_model_as_a_reviewer_but_compares_it_with_people_only()
    {
        var report = AgreementAnalysis.Analyse(PeopleAndModel(), options: new AgreementOptions { IncludeAiReviews = true, BootstrapResamples = 10 });

        Assert.Equal(12, report.Reviews);
        Assert.Equal(3, report.Reviewers);
        var all = new double[][] { [0.5, 0.6, 0.3], [-0.2, -0.1, -0.4], [0.6, 0.5, -0.2], [0.0, 0.1, 0.2] };
        Assert.Equal(KrippendorffAlpha.Interval(all), report.Alpha, precision: 12);
        Assert.Equal(0.875, Assert.Single(report.AiAgreement).Alpha, precision: 12);
    }

    [Fact]
    public void A_team_decision_settles_an_item_and_the_ai_is_then_compared_there_too()
    {
        var decisions = new ConsensusDecisions("d.csv", [new ConsensusDecision(3, 0.2, 2), new ConsensusDecision(1, 0.45, 3)], 0);

        var report = AgreementAnalysis.Analyse(PeopleAndModel(), options: new AgreementOptions { Decisions = decisions, BootstrapResamples = 10 });

        var final = report.Final.ToDictionary(f => f.Item.LlmResponseId);
        Assert.Equal((0.45, FinalConsensus.Manual), (final[1].Score!.Value, final[1].Source));
        Assert.Equal((-0.3, FinalConsensus.Calculated), (Math.Round(final[2].Score!.Value, 12), final[2].Source));
        Assert.Equal((0.2, FinalConsensus.Manual), (final[3].Score!.Value, final[3].Source));
        var ai = Assert.Single(report.AiAgreement);
        Assert.Equal(4, ai.Items);
        Assert.Equal(0, ai.WithoutConsensus);
        // |0.6 − 0.45| + |−0.1 + 0.3| + |0.5 − 0.2| + |0.1 − 0.1| = 0.65, over 4.
        Assert.Equal(0.65 / 4, ai.MeanAbsoluteError, precision: 12);
    }

    [Fact]
    public void Undecided_items_have_no_final_score_and_a_decision_for_an_unknown_item_is_refused()
    {
        var report = AgreementAnalysis.Analyse(PeopleAndModel(), options: new AgreementOptions { BootstrapResamples = 10 });
        var undecided = Assert.Single(report.Final, f => f.Source == FinalConsensus.Undecided);
        Assert.Equal(3, undecided.Item.LlmResponseId);
        Assert.Null(undecided.Score);

        var unknown = new ConsensusDecisions("d.csv", [new ConsensusDecision(99, 0.1, 4)], 0);
        var error = Assert.Throws<InputException>(() => AgreementAnalysis.Analyse(PeopleAndModel(), options: new AgreementOptions { Decisions = unknown }));
        Assert.Equal("d.csv:4: item 99 has no review in the analysed reviews", error.Message);
    }

    [Fact]
    public void Pair_line_kappa_and_mean_difference_by_hand()
    {
        // a: 0.6, −0.5, 0.0, 0.2; b: 0.7, −0.9, 0.4, 0.5. x̄ = 0.075, ȳ = 0.175; Σdxdy = 0.9175, Σdx² = 0.6275.
        // Bins at ±0.5 — a: pos neg neu neu, b: pos neg neu pos: agree on 3 of 4; Pₑ = ¼·¼ + ½·¼ + ¼·½ = 5/16.
        var reviews = FromTable([[0.6, 0.7], [-0.5, -0.9], [0.0, 0.4], [0.2, 0.5]], "a", "b");

        var pair = Assert.Single(AgreementAnalysis.Analyse(reviews, options: new AgreementOptions { BootstrapResamples = 10 }).Pairs);

        Assert.Equal(0.9175 / 0.6275, pair.Slope, precision: 12);
        Assert.Equal(0.175 - 0.9175 / 0.6275 * 0.075, pair.Intercept, precision: 12);
        Assert.Equal(0.1, pair.MeanDifference, precision: 12);
        Assert.Equal(0.75, pair.BinKappa!.Observed, precision: 12);
        Assert.Equal((0.75 - 0.3125) / (1 - 0.3125), pair.BinKappa.Value, precision: 12);
        Assert.Equal(4, pair.Points.Count);
    }

    [Fact]
    public void Fleiss_kappa_on_stance_bins_with_a_configurable_edge()
    {
        // At ±0.5: item 1 (0.6 0.7 0.2) → pos pos neu, P = 2·1/(3·2) = ⅓; item 2 (−0.5 −0.9) → neg neg, P = 1;
        // item 3 (0.0 0.4 −0.6) → neu neu neg, P = ⅓. P̄ = 5/9; totals neg 3, neu 3, pos 2 of 8 → Pₑ = 22/64.
        double?[][] table = [[0.6, 0.7, 0.2], [-0.5, -0.9, null], [0.0, 0.4, -0.6]];
        var reviews = FromTable(table, "a", "b", "c");

        var at05 = AgreementAnalysis.Analyse(reviews, options: new AgreementOptions { BootstrapResamples = 10 });
        var at02 = AgreementAnalysis.Analyse(reviews, options: new AgreementOptions { BootstrapResamples = 10, BinEdge = 0.2 });

        Assert.Equal((5.0 / 9 - 22.0 / 64) / (1 - 22.0 / 64), at05.FleissKappa!.Value, precision: 12);
        // At ±0.2: item 1 pos pos pos (P = 1), item 2 neg neg (1), item 3 neu pos neg (0); P̄ = ⅔;
        // totals neg 3, neu 1, pos 4 of 8 → Pₑ = (9 + 1 + 16) / 64.
        Assert.Equal((2.0 / 3 - 26.0 / 64) / (1 - 26.0 / 64), at02.FleissKappa!.Value, precision: 12);
        Assert.Equal(2, at05.BinDisagreements.Count);
        Assert.Equal([2, 2, 1], at05.BinDisagreements[0].Bins);
    }

    [Fact]
    public void Range_percentiles_and_extremists_by_hand()
    {
        // Ten items scored 0 by a and r by b, r = 0, .1, .1, .2, .2, .3, .4, .5, .8, 1. Type-7 quantiles on the sorted
        // ranges x₀…x₉: h = 9p; median x₄ + ½(x₅ − x₄) = .25; p90 = x₈ + .1(x₉ − x₈) = .82; p95 = .8 + .55 · .2 = .91;
        // p99 = .8 + .91 · .2 = .982. Only item 10 (range 1) reaches p90, and p99 with it.
        double[] ranges = [0, 0.1, 0.1, 0.2, 0.2, 0.3, 0.4, 0.5, 0.8, 1.0];
        var reviews = ranges.SelectMany((r, i) => new[] { Review(i + 1, "a", 0), Review(i + 1, "b", r) }).ToList();

        var analysis = AgreementAnalysis.Analyse(reviews, options: new AgreementOptions { BootstrapResamples = 10 }).Ranges!;

        Assert.Equal(10, analysis.Items);
        Assert.Equal(0.25, analysis.Median, precision: 12);
        Assert.Equal(0.82, analysis.P90, precision: 12);
        Assert.Equal(0.91, analysis.P95, precision: 12);
        Assert.Equal(0.982, analysis.P99, precision: 12);
        var extreme = Assert.Single(analysis.Extremes);
        Assert.Equal((10L, ExtremeItem.AboveP99), (extreme.Item.LlmResponseId, extreme.Level));
    }

    [Fact]
    public void Reviewers_who_agree_exactly_have_no_extremists_and_a_range_a_rounding_below_a_percentile_still_reaches_it()
    {
        var same = Enumerable.Range(1, 5).SelectMany(i => new[] { Review(i, "a", 0.3), Review(i, "b", 0.3) }).ToList();
        Assert.Empty(AgreementAnalysis.Analyse(same, options: new AgreementOptions { BootstrapResamples = 10 }).Ranges!.Extremes);

        // 0.2 − (−0.7) is 0.8999999999999999 in binary, −0.1 − (−1.0) is 0.9: both are the widest range.
        var reviews = new List<ReviewExport> { Review(1, "a", 0.2), Review(1, "b", -0.7), Review(2, "a", -0.1), Review(2, "b", -1.0), Review(3, "a", 0.1), Review(3, "b", 0.1) };
        var levels = AgreementAnalysis.Analyse(reviews, options: new AgreementOptions { BootstrapResamples = 10 }).Ranges!.Extremes.Select(e => e.Level);
        Assert.Equal([ExtremeItem.AboveP99, ExtremeItem.AboveP99], levels);
    }

    [Fact]
    public void Icc_2_on_the_largest_complete_block_reproduces_shrout_and_fleiss()
    {
        // Scores must lie in [−1, 1]: the table divided by 10 keeps ICC (it does not depend on the unit). A fifth
        // reviewer scored one item only; the block drops them and keeps the six items × four judges.
        var reviews = PublishedTables.ShroutFleiss
            .SelectMany((row, item) => row.Select((v, judge) => Review(item + 1, "J" + judge, v / 10))).ToList();
        reviews.Add(Review(1, "J9", 0.5));

        var block = AgreementAnalysis.Analyse(reviews, options: new AgreementOptions { BootstrapResamples = 10 }).TwoWayIcc!;

        Assert.Equal(["J0", "J1", "J2", "J3"], block.Reviewers);
        Assert.Equal(6, block.Items);
        Assert.Equal(0.289764, block.Icc.SingleRating, precision: 6);
        Assert.Equal(0.620051, block.Icc.AverageRating, precision: 6);
    }

    [Fact]
    public void Reviewer_profiles_count_a_repeat_once_and_give_bin_shares()
    {
        var reviews = FromTable([[0.6, 0.7], [-0.5, -0.9], [0.0, 0.4], [0.2, 0.5]], "a", "b");
        reviews.Add(Review(1, "a", 0.2)); // a's item 1 becomes (0.6 + 0.2) / 2 = 0.4: neutral at ±0.5

        var a = AgreementAnalysis.Analyse(reviews, options: new AgreementOptions { BootstrapResamples = 10 }).Profiles.Single(p => p.ReviewerCode == "a");

        Assert.Equal(4, a.Items);
        Assert.Equal(5, a.Reviews);
        Assert.Equal(Descriptives.Of([0.4, -0.5, 0.0, 0.2]), a.Scores);
        Assert.Equal((0.25, 0.75, 0.0), (a.NegativeShare, a.NeutralShare, a.PositiveShare));
    }
}
