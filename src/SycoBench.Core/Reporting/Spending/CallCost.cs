namespace SycoBench.Reporting.Spending;

/// <summary>
/// What one answer, or one judge's verdict on one answer, cost: how many calls it took and how many of them failed
/// (a failed call is not billed), whether it came from the response cache (nothing paid this time) or a Batch API, its
/// tokens and its cost (null: unknown), and where the cost came from (<c>cost_source</c>; null when not recorded).
/// </summary>
internal readonly record struct CallCost(
    int Calls,
    int FailedCalls,
    bool Cached,
    bool Batch,
    long? InputTokens,
    long? OutputTokens,
    double? CostUsd,
    byte[]? Source,
    bool Scored)
{
    /// <summary>A cost source that names a batch price ("batch", "batch-price", …) marks a call made through a Batch API.</summary>
    public static bool IsBatchSource(ReadOnlySpan<byte> source) => source.IndexOf("batch"u8) >= 0;
}
