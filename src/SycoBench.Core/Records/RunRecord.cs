using System.Text.Json;
using System.Text.Json.Serialization;

namespace SycoBench.Records;

/// <summary>One line of run.jsonl: one model's answer to one prompt (SPEC §4).</summary>
public sealed record RunRecord
{
    public long RunId { get; init; }

    public string? TimestampIso { get; init; }

    public string ModelId { get; init; } = "";

    public string? Provider { get; init; }

    public string PromptId { get; init; } = "";

    public string? Perspective { get; init; }

    public Factors? Factors { get; init; }

    public IReadOnlyList<PromptMessage>? Messages { get; init; }

    public string? ResponseText { get; init; }

    public double? LatencyMs { get; init; }

    public long? InputTokens { get; init; }

    public long? OutputTokens { get; init; }

    public long? TotalTokens { get; init; }

    public double? CostUsd { get; init; }

    public string? RequestId { get; init; }

    public string? FinishReason { get; init; }

    public JsonElement? RawResponse { get; init; }

    /// <summary>Null on success; the failure's message otherwise (then <see cref="ResponseText"/> is empty).</summary>
    public string? Error { get; init; }

    /// <summary>0-based index of the sample when a prompt is asked several times; absent means 0.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Sample { get; init; }

    /// <summary>Fields beyond SPEC §4 (written by newer versions or other tools), kept on read and written back.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    [JsonIgnore]
    public bool Succeeded => Error is null;

    [JsonIgnore]
    public int SampleIndex => Sample ?? 0;
}
