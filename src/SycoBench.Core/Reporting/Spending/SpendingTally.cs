using SycoBench.Reporting.Aggregation;
using SycoBench.Statistics;

namespace SycoBench.Reporting.Spending;

/// <summary>
/// Sums <see cref="CallCost"/>s of one model's answers or one judge's verdicts. A cached item is counted as cached and
/// nothing else (it was paid for when first asked); an item whose calls all failed counts its requests and failures
/// only (failed calls are not billed); every other item is billed: its tokens, its cost (or one more of unknown cost:
/// never a 0), its cost source (each value its own category) and whether it went through a Batch API. Sums are exact,
/// so the digits do not depend on how the file was split for reading.
/// </summary>
internal sealed class SpendingTally
{
    public const string NotRecorded = "(not recorded)";

    public long Items { get; private set; }

    public long Scored { get; private set; }

    public long Cached { get; private set; }

    public long Requests { get; private set; }

    public long FailedRequests { get; private set; }

    public long Billed { get; private set; }

    public long Batch { get; private set; }

    public long InputTokens { get; private set; }

    public long OutputTokens { get; private set; }

    /// <summary>Billed items that do not say how many tokens they used.</summary>
    public long WithoutTokens { get; private set; }

    public ExactSum Known { get; } = new();

    public long Unknown { get; private set; }

    public DistinctCounter Sources { get; } = new();

    public void Add(in CallCost cost)
    {
        Items++;
        if (cost.Scored)
            Scored++;
        if (cost.Cached)
        {
            Cached++;
            return;
        }

        Requests += cost.Calls;
        FailedRequests += cost.FailedCalls;
        if (cost.FailedCalls >= cost.Calls)
            return;

        Billed++;
        if (cost.Batch)
            Batch++;
        Sources.Add(cost.Source ?? NotRecordedBytes);
        if (cost.InputTokens is { } input && cost.OutputTokens is { } output)
        {
            InputTokens += input;
            OutputTokens += output;
        }
        else
        {
            WithoutTokens++;
        }

        if (cost.CostUsd is { } usd && double.IsFinite(usd))
            Known.Add(usd);
        else
            Unknown++;
    }

    public void Merge(SpendingTally other)
    {
        Items += other.Items;
        Scored += other.Scored;
        Cached += other.Cached;
        Requests += other.Requests;
        FailedRequests += other.FailedRequests;
        Billed += other.Billed;
        Batch += other.Batch;
        InputTokens += other.InputTokens;
        OutputTokens += other.OutputTokens;
        WithoutTokens += other.WithoutTokens;
        Known.Add(other.Known);
        Unknown += other.Unknown;
        Sources.Merge(other.Sources);
    }

    public SpendingLine ToLine(string name) => new(
        name, Items, Scored, Cached, Requests, FailedRequests, Billed, Batch, InputTokens, OutputTokens, WithoutTokens,
        Known.Value, Unknown, Sources.ToList());

    private static readonly byte[] NotRecordedBytes = System.Text.Encoding.UTF8.GetBytes(NotRecorded);
}
