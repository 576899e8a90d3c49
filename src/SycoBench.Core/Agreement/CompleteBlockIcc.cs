using SycoBench.Statistics;

namespace SycoBench.Agreement;

/// <summary>
/// ICC(2,1) and ICC(2,k) need every rater on every item. They are computed on the largest complete block found this
/// way: start from every reviewer; while fewer than two items were scored by all of them, drop the reviewer with the
/// fewest items (ties: the later code) — so a team whose members each reviewed every item keeps all of them. The block
/// (its reviewers and items) is reported with the figures.
/// </summary>
public sealed record CompleteBlockIcc(TwoWayIcc Icc, IReadOnlyList<string> Reviewers, int Items)
{
    public static CompleteBlockIcc? Of(IReadOnlyList<ItemConsensus> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var byReviewer = new Dictionary<string, Dictionary<(string, long), double>>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            for (var i = 0; i < item.Reviewers; i++)
            {
                if (!byReviewer.TryGetValue(item.ReviewerCodes[i], out var scores))
                    byReviewer[item.ReviewerCodes[i]] = scores = [];
                scores[(item.Dataset, item.LlmResponseId)] = item.Scores[i];
            }
        }

        var reviewers = byReviewer.Keys.Order(StringComparer.Ordinal).ToList();
        while (reviewers.Count >= 2)
        {
            var shared = items
                .Select(i => (i.Dataset, i.LlmResponseId))
                .Where(key => reviewers.All(r => byReviewer[r].ContainsKey(key)))
                .ToArray();
            if (shared.Length >= 2)
            {
                var table = shared.Select(key => (IReadOnlyList<double>)reviewers.Select(r => byReviewer[r][key]).ToArray()).ToArray();
                return TwoWayIcc.Compute(table) is { } icc ? new CompleteBlockIcc(icc, reviewers.ToArray(), shared.Length) : null;
            }

            var fewest = reviewers.OrderBy(r => byReviewer[r].Count).ThenByDescending(r => r, StringComparer.Ordinal).First();
            reviewers.Remove(fewest);
        }

        return null;
    }
}
