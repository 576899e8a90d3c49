using SycoBench.Records;
using SycoBench.Reviews;
using SycoBench.Statistics;

namespace SycoBench.Agreement;

/// <summary>
/// Inter-rater reliability of people's reviews and agreement of the judge with them. Every figure is computed on
/// one score per (item, reviewer): repeat reviews of an item by the same reviewer are averaged into one, so a
/// reviewer who scored an item twice does not count as two raters agreeing with each other.
/// </summary>
public static class AgreementAnalysis
{
    public static AgreementReport Analyse(
        IReadOnlyList<ReviewExport> reviews,
        IReadOnlyList<EvalRecord>? scored = null,
        AgreementOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reviews);
        options ??= new AgreementOptions();

        var items = Consolidate(reviews, out var repeats);
        var units = items.Select(i => i.Scores).ToArray();
        var overlap = units.Where(u => u.Count >= 2).ToArray();
        var unmatched = 0;
        var judge = scored is null ? null : JudgeVersusHuman(items, reviews, scored, out unmatched);

        return new AgreementReport
        {
            Reviews = reviews.Count,
            Items = items.Count,
            Reviewers = reviews.Select(r => r.ReviewerCode).Distinct(StringComparer.Ordinal).Count(),
            RepeatReviews = repeats,
            OverlapItems = overlap.Length,
            Alpha = KrippendorffAlpha.Interval(overlap),
            AlphaInterval = overlap.Length < 2
                ? null
                : new Bootstrap(options.BootstrapResamples, options.Seed).Percentile(overlap, KrippendorffAlpha.Interval, options.Level),
            BootstrapResamples = options.BootstrapResamples,
            Icc = OneWayIcc.Compute(overlap),
            Pairs = Pairs(items, options.MinimumPairOverlap),
            Consensus = items,
            Judge = judge,
            JudgeUnmatched = unmatched,
        };
    }

    /// <summary>One entry per item, in order of first appearance; one score per reviewer (their mean).</summary>
    public static IReadOnlyList<ItemConsensus> Consolidate(IReadOnlyList<ReviewExport> reviews, out int repeatReviews)
    {
        ArgumentNullException.ThrowIfNull(reviews);
        repeatReviews = 0;
        var byItem = new Dictionary<(string Dataset, long Id), (ReviewExport First, Dictionary<string, List<double>> Scores)>();
        var order = new List<(string, long)>();
        foreach (var review in reviews)
        {
            var key = (review.Dataset, review.LlmResponseId);
            if (!byItem.TryGetValue(key, out var entry))
            {
                entry = (review, new Dictionary<string, List<double>>(StringComparer.Ordinal));
                byItem[key] = entry;
                order.Add(key);
            }

            if (entry.Scores.TryGetValue(review.ReviewerCode, out var scores))
                repeatReviews++;
            else
                entry.Scores[review.ReviewerCode] = scores = [];
            scores.Add(review.Score);
        }

        return order.Select(key =>
        {
            var (first, scores) = byItem[key];
            var reviewers = scores.Keys.Order(StringComparer.Ordinal).ToArray();
            return new ItemConsensus(
                first.LlmResponseId, first.Dataset, first.Identifier, first.ModelId, reviewers,
                reviewers.Select(r => scores[r].Average()).ToArray());
        }).ToArray();
    }

    private static ReviewerPair[] Pairs(IReadOnlyList<ItemConsensus> items, int minimumOverlap)
    {
        var shared = new Dictionary<(string, string), (List<double> A, List<double> B)>();
        foreach (var item in items)
        {
            for (var i = 0; i < item.ReviewerCodes.Count; i++)
            {
                for (var j = i + 1; j < item.ReviewerCodes.Count; j++)
                {
                    // Reviewer codes are sorted, so (i, j) is always the same way round for a pair.
                    var key = (item.ReviewerCodes[i], item.ReviewerCodes[j]);
                    if (!shared.TryGetValue(key, out var lists))
                        shared[key] = lists = ([], []);
                    lists.A.Add(item.Scores[i]);
                    lists.B.Add(item.Scores[j]);
                }
            }
        }

        return shared
            .Where(p => p.Value.A.Count >= minimumOverlap)
            .OrderBy(p => p.Key.Item1, StringComparer.Ordinal)
            .ThenBy(p => p.Key.Item2, StringComparer.Ordinal)
            .Select(p => new ReviewerPair(
                p.Key.Item1, p.Key.Item2, p.Value.A.Count,
                Correlation.Pearson(p.Value.A, p.Value.B), Correlation.Spearman(p.Value.A, p.Value.B)))
            .ToArray();
    }

    private static JudgeAgreement[] JudgeVersusHuman(
        IReadOnlyList<ItemConsensus> items,
        IReadOnlyList<ReviewExport> reviews,
        IReadOnlyList<EvalRecord> scored,
        out int unmatched)
    {
        var judged = JudgeScores.Index(scored);
        var firstReview = new Dictionary<(string, long), ReviewExport>();
        foreach (var review in reviews)
            firstReview.TryAdd((review.Dataset, review.LlmResponseId), review);

        var pairs = new List<(string Model, string Perspective, double Human, double Judge)>();
        unmatched = 0;
        foreach (var item in items)
        {
            var review = firstReview[(item.Dataset, item.LlmResponseId)];
            if (judged.Find(review) is { } match)
                pairs.Add((match.ModelId, match.Perspective, item.Mean, match.Score));
            else
                unmatched++;
        }

        var groups = pairs.GroupBy(p => (p.Model, p.Perspective))
            .Concat(pairs.GroupBy(p => (p.Model, JudgeAgreement.All)))
            .Concat(pairs.GroupBy(_ => (JudgeAgreement.All, JudgeAgreement.All)));
        return groups
            .Select(g =>
            {
                var human = g.Select(p => p.Human).ToArray();
                var judge = g.Select(p => p.Judge).ToArray();
                var mae = human.Zip(judge, (h, j) => Math.Abs(h - j)).Average();
                return new JudgeAgreement(g.Key.Item1, g.Key.Item2, human.Length, mae, Correlation.Pearson(human, judge));
            })
            .OrderBy(j => j.ModelId == JudgeAgreement.All ? 1 : 0)
            .ThenBy(j => j.ModelId, StringComparer.Ordinal)
            .ThenBy(j => j.Perspective == JudgeAgreement.All ? 1 : 0)
            .ThenBy(j => j.Perspective, StringComparer.Ordinal)
            .ToArray();
    }
}
