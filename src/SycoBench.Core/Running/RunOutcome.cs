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

    /// <summary>The outcome of a run whose models are all done, logged with each model's spending against its estimate.</summary>
    internal static RunOutcome Finish(RunPlan plan, string finished, IReadOnlyList<ModelTally> tallies, Budget budget, long recordsWritten, RunLog log)
    {
        var outcome = new RunOutcome(tallies, budget.Exhausted, budget.Spent, (int)recordsWritten) { InFlightAtStop = budget.InFlightAtStop };
        log.Info($"run {plan.RunId}: {finished}; {tallies.Sum(t => t.Ok)} ok, {outcome.Failed} failed, {outcome.Spent} spent"
            + (outcome.StoppedAtCostLimit ? " (stopped at the cost limit)" : ""));
        foreach (var tally in tallies.Where(t => t.Estimate is not null))
            log.Info(EstimateComparison.Describe(tally));
        return outcome;
    }
}
