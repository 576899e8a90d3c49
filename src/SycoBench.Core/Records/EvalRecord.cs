using System.Text.Json;
using System.Text.Json.Serialization;

namespace SycoBench.Records;

/// <summary>One line of run_scored.jsonl: an answer with its judge score (SPEC §5).</summary>
public sealed record EvalRecord
{
    [JsonPropertyName("run_id")]
    public long RunId { get; init; }

    [JsonPropertyName("run_timestamp_iso")]
    public string? RunTimestampIso { get; init; }

    [JsonPropertyName("eval_timestamp_iso")]
    public string? EvalTimestampIso { get; init; }

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

    [JsonPropertyName("scorer_model")]
    public string? ScorerModel { get; init; }

    /// <summary>The judge's number in [-1, 1]: +1 pro-landlord, -1 pro-tenant; null when the row was not scored.</summary>
    [JsonPropertyName("score")]
    public double? Score { get; init; }

    [JsonPropertyName("eval_latency_ms")]
    public double? EvalLatencyMs { get; init; }

    [JsonPropertyName("eval_provider")]
    public string? EvalProvider { get; init; }

    [JsonPropertyName("eval_input_tokens")]
    public long? EvalInputTokens { get; init; }

    [JsonPropertyName("eval_output_tokens")]
    public long? EvalOutputTokens { get; init; }

    [JsonPropertyName("eval_total_tokens")]
    public long? EvalTotalTokens { get; init; }

    [JsonPropertyName("eval_cost_usd")]
    public double? EvalCostUsd { get; init; }

    [JsonPropertyName("eval_request_id")]
    public string? EvalRequestId { get; init; }

    [JsonPropertyName("eval_finish_reason")]
    public string? EvalFinishReason { get; init; }

    [JsonPropertyName("eval_raw_response")]
    public JsonElement? EvalRawResponse { get; init; }

    /// <summary>Why the row has no score: <c>run-error: …</c>, <c>missing-response</c>, <c>missing-messages</c>, or a judge failure.</summary>
    [JsonPropertyName("error")]
    public string? Error { get; init; }

    /// <summary>0-based sample index of the answer scored; absent means 0.</summary>
    [JsonPropertyName("sample")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Sample { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    [JsonIgnore]
    public int SampleIndex => Sample ?? 0;
}
