using System.Text.Json;
using System.Text.Json.Serialization;

namespace SycoBench.Records;

/// <summary>One line of run_scored.jsonl: an answer with its judges' score (SPEC §5).</summary>
public sealed record EvalRecord : AnswerRecord
{
    [JsonPropertyOrder(TimestampOrder)]
    public string? RunTimestampIso { get; init; }

    [JsonPropertyOrder(TimestampOrder)]
    public string? EvalTimestampIso { get; init; }

    public string? ScorerModel { get; init; }

    /// <summary>The judge's number in [-1, 1]: +1 pro-landlord, -1 pro-tenant; null when the row was not scored.</summary>
    public double? Score { get; init; }

    public double? EvalLatencyMs { get; init; }

    public string? EvalProvider { get; init; }

    public long? EvalInputTokens { get; init; }

    public long? EvalOutputTokens { get; init; }

    public long? EvalTotalTokens { get; init; }

    public double? EvalCostUsd { get; init; }

    public string? EvalRequestId { get; init; }

    public string? EvalFinishReason { get; init; }

    public JsonElement? EvalRawResponse { get; init; }
}
