using SycoBench.Records;
using SycoBench.Reviews;
using SycoBench.Statistics;

namespace SycoBench.Agreement;

/// <summary>
/// Inter-rater reliability of the reviews, the analyses of the original tool's notebooks (descriptives, pairwise
/// lines and kappas, ranges, bin disagreements, the final consensus with the team's decisions), AI reviewers against
/// the human consensus, and the judge against the reviewers. Every figure is computed on one score per (item,
/// reviewer): repeat reviews of an item by the same reviewer are averaged into one, so a reviewer who scored an item
/// twice does not count as two raters agreeing with each other. AI reviews (<c>llm:</c> codes) are left out of every
/// reviewer figure unless <see cref="AgreementOptions.IncludeAiReviews"/> is set; they always get their own table.
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
        StanceBins.Validate(options.BinEdge);

        var human = reviews.Where(r => !r.IsAiReview).ToArray();
        var ai = reviews.Where(r => r.IsAiReview).ToArray();
        var rated = options.IncludeAiReviews ? reviews : human;
        var items = Consolidate(rated, out var repeats);
        var units = items.Select(i => i.Scores).ToArray();
        var overlap = units.Where(u => u.Count >= 2).ToArray();
        var decisions = DecisionIndex(options.Decisions, items);
        var final = items.Select(i => FinalConsensus.Of(i, decisions)).ToArray();
        var humanFinal = options.IncludeAiReviews ? Consolidate(human, out _).Select(i => FinalConsensus.Of(i, decisions)).ToArray() : final;
        var unmatched = 0;
        var judge = scored is null ? null : JudgeVersusHuman(items, rated, scored, out unmatched);

        return new AgreementReport
        {
            Reviews = rated.Count,
            HumanReviews = human.Length,
            AiReviews = ai.Length,
            AiReviewsIncluded = options.IncludeAiReviews,
            Items = items.Count,
            Reviewers = rated.Select(r => r.ReviewerCode).Distinct(StringComparer.Ordinal).Count(),
            RepeatReviews = repeats,
            OverlapItems = overlap.Length,
            Alpha = KrippendorffAlpha.Interval(overlap),
            AlphaInterval = overlap.Length < 2
                ? null
                : new Bootstrap(options.BootstrapResamples, options.Seed).Percentile(overlap, KrippendorffAlpha.Interval, options.Level),
            BootstrapResamples = options.BootstrapResamples,
            Icc = OneWayIcc.Compute(overlap),
            TwoWayIcc = CompleteBlockIcc.Of(items),
            BinEdge = options.BinEdge,
            FleissKappa = FleissKappa.Compute(items.Where(i => i.Reviewers >= 2).Select(i => BinCounts(i, options.BinEdge))),
            Profiles = ReviewerProfile.Of(Consolidate(reviews, out _), reviews, options.BinEdge),
            Pairs = Pairs(items, options.MinimumPairOverlap, options.BinEdge),
            Ranges = RangeAnalysis.Of(items),
            BinDisagreements = BinDisagreement.Find(items, options.BinEdge),
            Consensus = items,
            Final = final,
            DecisionsSource = options.Decisions?.Source,
            AiAgreement = AiVersusHuman(ai, humanFinal),
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
                reviewers.Select(r => scores[r].Average()).ToArray())
            {
                PromptTitle = first.PromptTitle,
                PromptBody = first.PromptBody,
                ModelResponseText = first.ModelResponseText,
            };
        }).ToArray();
    }

    private static int[] BinCounts(ItemConsensus item, double edge)
    {
        var counts = new int[StanceBins.Count];
        foreach (var score in item.Scores)
            counts[StanceBins.Of(score, edge)]++;
        return counts;
    }

    /// <summary>The decisions by item id, each checked against the items analysed.</summary>
    private static Dictionary<long, double> DecisionIndex(ConsensusDecisions? decisions, IReadOnlyList<ItemConsensus> items)
    {
        var index = new Dictionary<long, double>();
        if (decisions is null)
            return index;
        var datasets = items.GroupBy(i => i.LlmResponseId).ToDictionary(g => g.Key, g => g.Select(i => i.Dataset).ToArray());
        foreach (var decision in decisions.Decisions)
        {
            if (!datasets.TryGetValue(decision.ResponseId, out var where))
                throw new InputException($"{decisions.Source}:{decision.LineNumber}: item {decision.ResponseId} has no review in the analysed reviews");
            if (where.Length > 1)
                throw new InputException($"{decisions.Source}:{decision.LineNumber}: item {decision.ResponseId} is in datasets {string.Join(" and ", where)}; choose one with --dataset");
            index[decision.ResponseId] = decision.Score;
        }

        return index;
    }

    private static ReviewerPair[] Pairs(IReadOnlyList<ItemConsensus> items, int minimumOverlap, double edge)
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
            .Select(p =>
            {
                var (a, b) = p.Value;
                var fit = LinearFit.Compute(a, b);
                return new ReviewerPair(p.Key.Item1, p.Key.Item2, a.Count, Correlation.Pearson(a, b), Correlation.Spearman(a, b))
                {
                    Slope = fit.Slope,
                    Intercept = fit.Intercept,
                    MeanDifference = b.Zip(a, (y, x) => y - x).Average(),
                    BinKappa = CohenKappa.Compute(a.Select(s => StanceBins.Of(s, edge)).ToArray(), b.Select(s => StanceBins.Of(s, edge)).ToArray(), StanceBins.Count),
                    Points = a.Zip(b).ToArray(),
                };
            })
            .ToArray();
    }

    private static AiReviewerAgreement[] AiVersusHuman(IReadOnlyList<ReviewExport> ai, IReadOnlyList<FinalConsensus> humanFinal)
    {
        var consensus = humanFinal
            .Where(f => f.Score is not null)
            .ToDictionary(f => (f.Item.Dataset, f.Item.LlmResponseId), f => f.Score!.Value);
        var result = new List<AiReviewerAgreement>();
        foreach (var model in Consolidate(ai, out _).SelectMany(i => i.ReviewerCodes.Select((code, k) => (Item: i, Code: code, Score: i.Scores[k])))
                     .GroupBy(x => x.Code, StringComparer.Ordinal)
                     .OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var points = new List<(double Human, double Ai)>();
            var without = 0;
            foreach (var (item, _, score) in model)
            {
                if (consensus.TryGetValue((item.Dataset, item.LlmResponseId), out var human))
                    points.Add((human, score));
                else
                    without++;
            }

            var humans = points.Select(p => p.Human).ToArray();
            var models = points.Select(p => p.Ai).ToArray();
            result.Add(new AiReviewerAgreement(
                model.Key,
                points.Count,
                Correlation.Pearson(humans, models),
                points.Count == 0 ? double.NaN : points.Average(p => Math.Abs(p.Ai - p.Human)),
                points.Count == 0 ? double.NaN : points.Average(p => p.Ai - p.Human),
                KrippendorffAlpha.Interval(points.Select(p => (IReadOnlyList<double>)[p.Human, p.Ai])),
                without)
            { Points = points });
        }

        return result.ToArray();
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
