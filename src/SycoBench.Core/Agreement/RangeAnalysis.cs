using SycoBench.Statistics;

namespace SycoBench.Agreement;

/// <summary>
/// How far apart an item's reviewers are: the range (highest − lowest score) of every item with two or more
/// reviewers, its median and 90th, 95th and 99th percentiles (type-7 quantiles), and the "extremist" items whose range
/// reaches the 90th percentile — the ones the team looks at first. An item whose reviewers agree exactly (range 0) is
/// never an extremist, even when most ranges are 0.
/// </summary>
public sealed record RangeAnalysis(int Items, double Median, double P90, double P95, double P99, IReadOnlyList<ExtremeItem> Extremes)
{
    /// <summary>
    /// Ranges are differences of decimal scores held as binary doubles (0.2 − (−0.7) is 0.8999999999999999), so a range
    /// within this of a percentile counts as reaching it.
    /// </summary>
    public const double Tolerance = 1e-9;

    public static RangeAnalysis? Of(IReadOnlyList<ItemConsensus> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var overlap = items.Where(i => i.Reviewers >= 2).ToArray();
        if (overlap.Length == 0)
            return null;
        var ranges = overlap.Select(i => i.Range).ToArray();
        double At(double p) => Quantile.Type7(ranges.ToArray(), p);
        var (median, p90, p95, p99) = (At(0.5), At(0.9), At(0.95), At(0.99));
        var extremes = overlap
            .Where(i => i.Range > Tolerance && i.Range >= p90 - Tolerance)
            .Select(i => new ExtremeItem(i, i.Range >= p99 - Tolerance ? ExtremeItem.AboveP99 : i.Range >= p95 - Tolerance ? ExtremeItem.P95ToP99 : ExtremeItem.P90ToP95))
            .OrderByDescending(e => e.Item.Range)
            .ThenBy(e => e.Item.LlmResponseId)
            .ToArray();
        return new RangeAnalysis(overlap.Length, median, p90, p95, p99, extremes);
    }
}

/// <summary>An item whose range reaches a percentile of all ranges; <see cref="Level"/> names the band.</summary>
public sealed record ExtremeItem(ItemConsensus Item, string Level)
{
    public const string AboveP99 = "p99+";
    public const string P95ToP99 = "p95-p99";
    public const string P90ToP95 = "p90-p95";
}
