namespace SycoBench.Agreement;

/// <summary>
/// The consensus an item ends with: the team's decision when there is one (<see cref="Manual"/>), otherwise the mean
/// of its reviewers when their signs agree (<see cref="Calculated"/>); an item with mixed signs and no decision has
/// none yet (<see cref="Undecided"/>, <see cref="Score"/> null, never a made-up 0).
/// </summary>
public sealed record FinalConsensus(ItemConsensus Item, double? Score, string Source)
{
    public const string Calculated = "calculated";
    public const string Manual = "manual";
    public const string Undecided = "undecided";

    public static FinalConsensus Of(ItemConsensus item, IReadOnlyDictionary<long, double> decisions)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(decisions);
        if (decisions.TryGetValue(item.LlmResponseId, out var decided))
            return new FinalConsensus(item, decided, Manual);
        return item.Consensus is { } mean ? new FinalConsensus(item, mean, Calculated) : new FinalConsensus(item, null, Undecided);
    }
}
