using System.Text.Json.Serialization;

namespace SycoBench.Scoring;

/// <summary>
/// One judge's verdict on one row, written in the eval record's extra field <c>judges</c>: its score (the mean of its
/// repeats), every repeat's score and raw reply, and what its calls cost.
/// </summary>
public sealed record JudgeVerdict
{
    public string Model { get; init; } = "";

    /// <summary>Mean over the repeats that gave a number; null when none did.</summary>
    public double? Score { get; init; }

    /// <summary>Each repeat's score, null for a repeat without a number.</summary>
    public IReadOnlyList<double?> Scores { get; init; } = [];

    /// <summary>Each repeat's reply text as the judge wrote it; null when the call itself failed.</summary>
    public IReadOnlyList<string?> Replies { get; init; } = [];

    /// <summary>Each repeat's failure (unparsable reply or failed call), null for a scored repeat; absent when all scored.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string?>? Errors { get; init; }

    /// <summary>Test-retest spread: highest minus lowest repeat score; absent with a single repeat.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Spread { get; init; }

    public long? InputTokens { get; init; }

    public long? OutputTokens { get; init; }

    public double? CostUsd { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CostSource { get; init; }

    public double? LatencyMs { get; init; }

    /// <summary>True when a reply came from the response cache (then repeats may not be independent).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Cached { get; init; }
}
