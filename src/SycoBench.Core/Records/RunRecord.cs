using System.Text.Json;
using System.Text.Json.Serialization;

namespace SycoBench.Records;

/// <summary>One line of run.jsonl: one model's answer to one prompt and the call that got it (SPEC §4).</summary>
public sealed record RunRecord : AnswerRecord
{
    [JsonPropertyOrder(TimestampOrder)]
    public string? TimestampIso { get; init; }

    public double? LatencyMs { get; init; }

    public long? InputTokens { get; init; }

    public long? OutputTokens { get; init; }

    public long? TotalTokens { get; init; }

    public double? CostUsd { get; init; }

    public string? RequestId { get; init; }

    public string? FinishReason { get; init; }

    public JsonElement? RawResponse { get; init; }

    [JsonIgnore]
    public bool Succeeded => Error is null;
}
