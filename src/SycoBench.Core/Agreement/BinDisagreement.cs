namespace SycoBench.Agreement;

/// <summary>An item whose reviewers fall into different stance bins; <see cref="Bins"/> is each reviewer's bin.</summary>
public sealed record BinDisagreement(ItemConsensus Item, IReadOnlyList<int> Bins)
{
    /// <summary>Items with two or more reviewers in more than one bin, in the order given.</summary>
    public static IReadOnlyList<BinDisagreement> Find(IReadOnlyList<ItemConsensus> items, double edge)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items
            .Where(i => i.Reviewers >= 2)
            .Select(i => new BinDisagreement(i, i.Scores.Select(s => StanceBins.Of(s, edge)).ToArray()))
            .Where(d => d.Bins.Distinct().Count() > 1)
            .ToArray();
    }
}
