using System.Text.Json;
using System.Text.Json.Serialization;

namespace SycoBench.Records;

/// <summary>One line of run.jsonl: one model's answer to one prompt (SPEC §4).</summary>
public sealed record RunRecord
{
    [JsonPropertyName("run_id")]
    public long RunId { get; init; }

    [JsonPropertyName("timestamp_iso")]
    public string? TimestampIso { get; init; }

    [JsonPropertyName("model_id")]
    public string ModelId { get; init; } = "";

    [JsonPropertyName("provider")]
    public string? Provider { get; init; }

    [JsonPropertyName("prompt_id")]
    public string PromptId { get; init; } = "";

    [JsonPropertyName("perspective")]
    public string? Perspective { get; init; }

    [JsonPropertyName("factors")]
    public Factors? Factors { get; init; }

    [JsonPropertyName("messages")]
    public IReadOnlyList<PromptMessage>? Messages { get; init; }

    [JsonPropertyName("response_text")]
    public string? ResponseText { get; init; }

    [JsonPropertyName("latency_ms")]
    public double? LatencyMs { get; init; }

    [JsonPropertyName("input_tokens")]
    public long? InputTokens { get; init; }

    [JsonPropertyName("output_tokens")]
    public long? OutputTokens { get; init; }

    [JsonPropertyName("total_tokens")]
    public long? TotalTokens { get; init; }

    [JsonPropertyName("cost_usd")]
    public double? CostUsd { get; init; }

    [JsonPropertyName("request_id")]
    public string? RequestId { get; init; }

    [JsonPropertyName("finish_reason")]
    public string? FinishReason { get; init; }

    [JsonPropertyName("raw_response")]
    public JsonElement? RawResponse { get; init; }

    /// <summary>Null on success; the failure's message otherwise (then <see cref="ResponseText"/> is empty).</summary>
    [JsonPropertyName("error")]
    public string? Error { get; init; }

    /// <summary>0-based index of the sample when a prompt is asked several times; absent means 0.</summary>
    [JsonPropertyName("sample")]
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
