namespace SycoBench.Running;

/// <summary>How a run ended.</summary>
public sealed record RunOutcome(
    IReadOnlyList<ModelTally> Models,
    bool StoppedAtCostLimit,
    double SpentUsd,
    int RecordsWritten)
{
    public int Failed => Models.Sum(m => m.Failed);

    public IReadOnlyList<ModelTally> Unreachable => Models.Where(m => m.StoppedBecause is not null && !StoppedAtCostLimit).ToArray();
}
