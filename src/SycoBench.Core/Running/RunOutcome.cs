using SycoBench.Costs;

namespace SycoBench.Running;

/// <summary>How a run ended.</summary>
public sealed record RunOutcome(
    IReadOnlyList<ModelTally> Models,
    bool StoppedAtCostLimit,
    CostTotal Spent,
    int RecordsWritten)
{
    public int Failed => Models.Sum(m => m.Failed);

    /// <summary>Requests in flight, and their reserved worst case, when the cost limit stopped new requests.</summary>
    public (int Requests, double ReservedUsd) InFlightAtStop { get; init; }

    public IReadOnlyList<ModelTally> Unreachable => Models.Where(m => m.StoppedBecause is not null && !StoppedAtCostLimit).ToArray();
}
