using System.Text.Json.Serialization;

namespace SycoBench.Models.Pipeline;

/// <summary>What the response cache keeps of a successful call: enough to write the same record again.</summary>
public sealed record CachedAnswer
{
    public string Text { get; init; } = "";

    public string? ResponseId { get; init; }

    public string? ModelId { get; init; }

    public string? FinishReason { get; init; }

    public long? InputTokens { get; init; }

    public long? OutputTokens { get; init; }

    public long? TotalTokens { get; init; }

    public string? Provider { get; init; }

    public double? CostUsd { get; init; }

    public string? CostSource { get; init; }

    public double? LatencyMs { get; init; }

    [JsonPropertyName("raw_response")]
    public string? RawResponseJson { get; init; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(CachedAnswer))]
internal sealed partial class CacheJsonContext : JsonSerializerContext;
