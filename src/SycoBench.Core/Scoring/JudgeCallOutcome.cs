using System.Text.Json;

namespace SycoBench.Scoring;

/// <summary>What one call to one judge gave: the reply and its parse, or the call's failure, and its metadata.</summary>
internal sealed record JudgeCallOutcome
{
    public required string JudgeId { get; init; }

    /// <summary>The reply text; null when the call failed.</summary>
    public string? ReplyText { get; init; }

    /// <summary>The parse of the reply; null when the call failed.</summary>
    public JudgeReply? Parsed { get; init; }

    /// <summary>The failure of the call itself (after the pipeline's retries); null when a reply came back.</summary>
    public string? CallError { get; init; }

    public long? InputTokens { get; init; }

    public long? OutputTokens { get; init; }

    public long? TotalTokens { get; init; }

    public double? CostUsd { get; init; }

    /// <summary>Where <see cref="CostUsd"/> came from (<see cref="Costs.CostSource"/>); null for a failed call.</summary>
    public string? CostSource { get; init; }

    public double? LatencyMs { get; init; }

    public string? RequestId { get; init; }

    public string? FinishReason { get; init; }

    public string? Provider { get; init; }

    public JsonElement? RawResponse { get; init; }

    public bool Cached { get; init; }

    /// <summary>The Batch API batch the reply came from (<c>score --batch</c>); null for an interactive call.</summary>
    public string? BatchId { get; init; }

    public double? Score => Parsed?.Score;

    public bool IsParseFailure => Parsed is { Succeeded: false };

    /// <summary>Why this call gave no score: the parse failure or the call error; null when it scored.</summary>
    public string? Failure =>
        CallError is not null ? EvalFields.JudgeErrorPrefix + CallError
        : Parsed is { Succeeded: false } parsed ? EvalFields.UnparsablePrefix + parsed.Failure + CutOffNote
        : null;

    private string CutOffNote =>
        string.Equals(FinishReason, "length", StringComparison.OrdinalIgnoreCase) ? " (finish_reason length: the reply was cut off)" : "";
}
