using SycoBench.Reviews;
using SycoBench.Statistics;

namespace SycoBench.Agreement;

/// <summary>
/// One reviewer's scores described: items scored (a repeat counts once, with its mean), reviews given, the
/// descriptives of their per-item scores and the share of those in each stance bin.
/// </summary>
public sealed record ReviewerProfile(
    string ReviewerCode,
    int Items,
    int Reviews,
    Descriptives Scores,
    double NegativeShare,
    double NeutralShare,
    double PositiveShare)
{
    public bool IsAi => AiReviewers.IsAi(ReviewerCode);

    /// <summary>The per-item scores themselves, for distribution charts.</summary>
    public IReadOnlyList<double> Values { get; init; } = [];

    /// <summary>A profile per reviewer of <paramref name="items"/>, people first, then by code.</summary>
    public static IReadOnlyList<ReviewerProfile> Of(IReadOnlyList<ItemConsensus> items, IReadOnlyList<ReviewExport> reviews, double edge)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(reviews);
        var scores = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            for (var i = 0; i < item.Reviewers; i++)
            {
                if (!scores.TryGetValue(item.ReviewerCodes[i], out var list))
                    scores[item.ReviewerCodes[i]] = list = [];
                list.Add(item.Scores[i]);
            }
        }

        var reviewCounts = reviews.GroupBy(r => r.ReviewerCode, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return scores
            .OrderBy(p => AiReviewers.IsAi(p.Key) ? 1 : 0)
            .ThenBy(p => p.Key, StringComparer.Ordinal)
            .Select(p =>
            {
                var bins = new int[StanceBins.Count];
                foreach (var score in p.Value)
                    bins[StanceBins.Of(score, edge)]++;
                double n = p.Value.Count;
                return new ReviewerProfile(p.Key, p.Value.Count, reviewCounts.GetValueOrDefault(p.Key), Descriptives.Of(p.Value),
                    bins[0] / n, bins[1] / n, bins[2] / n)
                { Values = p.Value };
            })
            .ToArray();
    }
}
