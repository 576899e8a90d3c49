using System.Globalization;
using SycoBench.Running;

namespace SycoBench.Costs;

/// <summary>After a run: what the plan estimated for a model against what its answers actually took and cost.</summary>
public static class EstimateComparison
{
    public static string Describe(ModelTally tally)
    {
        ArgumentNullException.ThrowIfNull(tally);
        if (tally.Estimate is not { } estimate)
            return $"{tally.ModelId}: no estimate";
        var (input, output) = tally.PaidTokens;
        var answered = tally.Ok - tally.Cached;
        // The estimate covers every request planned; scale it to the answers actually paid for, so a stopped or partly
        // cached run compares like with like.
        var share = estimate.Requests == 0 ? 0 : (double)answered / estimate.Requests;
        return string.Create(CultureInfo.InvariantCulture,
            $"{tally.ModelId}: estimate vs actual over {answered} paid answer(s): tokens in {Math.Round(estimate.InputTokens * share):0} vs {input}, "
            + $"out {Math.Round(estimate.OutputTokens * share):0} vs {output}; cost {Usd.Format(estimate.CostUsd * share)} vs {tally.Cost}");
    }
}
