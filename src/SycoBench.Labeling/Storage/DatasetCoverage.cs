namespace SycoBench.Labeling.Storage;

/// <summary>
/// What a review page shows of a dataset: its items, items by review count (0, 1, 2, 3 or more) and reviews, from the
/// running counts alone. <see cref="DatasetStatus"/> has the rest (reviewers, leases, AI reviews, "can't judge"), which
/// costs more to count and no review page shows.
/// </summary>
public sealed record DatasetCoverage(string Dataset, long Items, IReadOnlyList<long> ItemsByReviewCount, long Reviews)
{
    /// <summary>The share of the needed reviews done: Σ min(reviews, 3) / (3 × items).</summary>
    public double Coverage => Items == 0 ? 0 : (ItemsByReviewCount[1] + 2 * ItemsByReviewCount[2] + 3 * ItemsByReviewCount[3]) / (3.0 * Items);

    public long CompleteItems => ItemsByReviewCount[3];
}
