using System.Text.Json.Serialization;

namespace SycoBench.Models.Pipeline;

/// <summary>What the response cache keeps of a successful call: enough to write the same record again.</summary>
public sealed record CachedAnswer
{
    [JsonPropertyName("text")]
    public string Text { get; init; } = "";

    [JsonPropertyName("response_id")]
    public string? ResponseId { get; init; }

    [JsonPropertyName("model_id")]
    public string? ModelId { get; init; }

    [JsonPropertyName("finish_reason")]
    public string? FinishReason { get; init; }

    [JsonPropertyName("input_tokens")]
    public long? InputTokens { get; init; }

    [JsonPropertyName("output_tokens")]
    public long? OutputTokens { get; init; }

    [JsonPropertyName("total_tokens")]
    public long? TotalTokens { get; init; }

    [JsonPropertyName("provider")]
    public string? Provider { get; init; }

    [JsonPropertyName("cost_usd")]
    public double? CostUsd { get; init; }

    [JsonPropertyName("cost_source")]
    public string? CostSource { get; init; }

    [JsonPropertyName("latency_ms")]
    public double? LatencyMs { get; init; }

    [JsonPropertyName("raw_response")]
    public string? RawResponseJson { get; init; }
}

[JsonSerializable(typeof(CachedAnswer))]
internal sealed partial class CacheJsonContext : JsonSerializerContext;
