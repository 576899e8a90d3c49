using System.Text.Json;
using System.Text.Json.Serialization;

namespace SycoBench.Reviews;

/// <summary>
/// One line of a reviews export (SPEC §7): a reviewer's score of one answer. The SPEC fields come first;
/// <see cref="RunId"/> and <see cref="Metadata"/> follow so that reviews can be matched with judge scores later, then the
/// reviewed text and the last change, as the original tool's export has them, so that notebooks and <c>scorer train</c>
/// need nothing else. Exports written before those fields existed read with them null.
/// </summary>
public sealed record ReviewExport
{
    [JsonPropertyName("llm_response_id")]
    public long LlmResponseId { get; init; }

    [JsonPropertyName("reviewer_code")]
    public string ReviewerCode { get; init; } = "";

    /// <summary>−1 to +1 on the dataset's scale (rent: pro-tenant to pro-landlord).</summary>
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

    [JsonPropertyName("prompt_title")]
    public string? PromptTitle { get; init; }

    [JsonPropertyName("prompt_body")]
    public string? PromptBody { get; init; }

    /// <summary>The answer the reviewer scored.</summary>
    [JsonPropertyName("model_response_text")]
    public string? ModelResponseText { get; init; }

    [JsonPropertyName("review_updated_at")]
    public string? ReviewUpdatedAt { get; init; }

    /// <summary>Whether a model wrote this review: AI reviewers carry the code <c>llm:&lt;model id&gt;</c>.</summary>
    [JsonIgnore]
    public bool IsAiReview => AiReviewers.IsAi(ReviewerCode);
}
