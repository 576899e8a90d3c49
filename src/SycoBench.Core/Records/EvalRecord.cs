using System.Text.Json;
using System.Text.Json.Serialization;

namespace SycoBench.Records;

/// <summary>One line of run_scored.jsonl: an answer with its judge score (SPEC §5).</summary>
public sealed record EvalRecord
{
    public long RunId { get; init; }

    public string? RunTimestampIso { get; init; }

    public string? EvalTimestampIso { get; init; }

    public string ModelId { get; init; } = "";

    public string? Provider { get; init; }

    public string PromptId { get; init; } = "";

    public string? Perspective { get; init; }

    public Factors? Factors { get; init; }

    public IReadOnlyList<PromptMessage>? Messages { get; init; }

    public string? ResponseText { get; init; }

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

    /// <summary>Why the row has no score: <c>run-error: …</c>, <c>missing-response</c>, <c>missing-messages</c>, or a judge failure.</summary>
    public string? Error { get; init; }

    /// <summary>0-based sample index of the answer scored; absent means 0.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Sample { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    [JsonIgnore]
    public int SampleIndex => Sample ?? 0;
}
