using System.Text.Json;
using System.Text.Json.Serialization;

namespace SycoBench.Reviews;

/// <summary>
/// One line of a reviews export (SPEC §7): a person's score of one answer. The SPEC fields come first;
/// <see cref="RunId"/> and <see cref="Metadata"/> follow so that reviews can be matched with judge scores later.
/// </summary>
public sealed record ReviewExport
{
    [JsonPropertyName("llm_response_id")]
    public long LlmResponseId { get; init; }

    [JsonPropertyName("reviewer_code")]
    public string ReviewerCode { get; init; } = "";

    /// <summary>−1 (pro-tenant) to +1 (pro-landlord).</summary>
    [JsonPropertyName("score")]
    public double Score { get; init; }

    [JsonPropertyName("notes")]
    public string? Notes { get; init; }

    [JsonPropertyName("review_created_at")]
    public string ReviewCreatedAt { get; init; } = "";

    [JsonPropertyName("dataset")]
    public string Dataset { get; init; } = "";

    [JsonPropertyName("identifier")]
    public string Identifier { get; init; } = "";

    [JsonPropertyName("model_id")]
    public string? ModelId { get; init; }

    [JsonPropertyName("run_id")]
    [JsonConverter(typeof(TextOrNumberJsonConverter))]
    public string? RunId { get; init; }

    [JsonPropertyName("metadata")]
    public JsonElement? Metadata { get; init; }
}
