using SycoBench.Costs;

namespace SycoBench.Reporting.Spending;

/// <summary>
/// Where the money went for one model's answers or one judge's verdicts. <see cref="Items"/> are answers (a model) or
/// judged answers (a judge); <see cref="Requests"/> the calls sent to the provider (cached items send none);
/// <see cref="Billed"/> the items that got a reply and were not cached. <see cref="KnownCostUsd"/> sums the billed items
/// whose cost is known; <see cref="UnknownCost"/> counts the others, so the cost is exact only when it is 0.
/// </summary>
public sealed record SpendingLine(
    string Name,
    long Items,
    long Scored,
    long Cached,
    long Requests,
    long FailedRequests,
    long Billed,
    long Batch,
    long InputTokens,
    long OutputTokens,
    long WithoutTokens,
    double KnownCostUsd,
    long UnknownCost,
    IReadOnlyList<KeyValuePair<string, long>> Sources)
{
    /// <summary>The cost, with the count of billed items whose cost is unknown (never read as 0).</summary>
    public CostTotal Cost => new(KnownCostUsd, (int)Math.Min(int.MaxValue, Billed - UnknownCost), (int)Math.Min(int.MaxValue, UnknownCost));

    /// <summary>The cost, or null when any billed item's cost is unknown.</summary>
    public double? CostUsd => UnknownCost == 0 ? KnownCostUsd : null;

    /// <summary>Known cost per scored answer: exact when no cost is unknown, else a lower bound; null with no scored answer or no known cost.</summary>
    public double? KnownCostPerScored => Scored > 0 && Billed > UnknownCost ? KnownCostUsd / Scored : null;

    public double? CostPerScored => UnknownCost == 0 && Scored > 0 ? KnownCostUsd / Scored : null;

    /// <summary>Share of the items served from the response cache.</summary>
    public double? CachedShare => Items > 0 ? Cached / (double)Items : null;

    /// <summary>Share of the billed items asked through a Batch API.</summary>
    public double? BatchShare => Billed > 0 ? Batch / (double)Billed : null;

    /// <summary>"1.20 USD", "≥ 1.20 USD (3 of unknown cost)" or "unknown" (never 0 for an unknown).</summary>
    public string FormatCost() => Usd.Format(Cost);

    /// <summary>The cost per scored answer in the same words: exact, "≥ …" when some costs are unknown, "unknown", or "—" with nothing scored.</summary>
    public string FormatCostPerScored() =>
        Scored == 0 ? "—"
        : UnknownCost == 0 ? Usd.Format(KnownCostUsd / Scored)
        : Billed > UnknownCost ? "≥ " + Usd.Format(KnownCostUsd / Scored)
        : Usd.Unknown;
}

/// <summary>The cost section of a report: per model (answers) and per judge, the totals, and the price table's date.</summary>
public sealed record SpendingReport(
    IReadOnlyList<SpendingLine> Models,
    SpendingLine ModelsTotal,
    IReadOnlyList<SpendingLine> Judges,
    SpendingLine JudgesTotal,
    string? PricesReadOn,
    IReadOnlyList<string> Notes)
{
    public static SpendingReport Empty { get; } = new([], new SpendingTally().ToLine("all models"), [], new SpendingTally().ToLine("all judges"), null, []);
}
