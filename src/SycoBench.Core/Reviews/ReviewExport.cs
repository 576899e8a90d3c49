using System.Text.Json;
using System.Text.Json.Serialization;

namespace SycoBench.Reviews;

/// <summary>
/// One line of a reviews export (SPEC §7): a reviewer's score of one answer. The SPEC fields come first;
/// <see cref="RunId"/> and <see cref="Metadata"/> follow so that reviews can be matched with judge scores later, then the
/// reviewed text and the last change, as the original tool's export has them, so that notebooks and <c>scorer train</c>
/// need nothing else. Exports written before those fields existed read with them null. The item, the reviewer and the
/// score are required when read: a line without its score (or with it misspelt) would otherwise read as a score of 0.
/// </summary>
public sealed record ReviewExport
{
    [JsonRequired]
    public long LlmResponseId { get; init; }

    [JsonRequired]
    public string ReviewerCode { get; init; } = "";

    /// <summary>−1 to +1 on the dataset's scale (rent: pro-tenant to pro-landlord).</summary>
    [JsonRequired]
    public double Score { get; init; }

    public string? Notes { get; init; }

    public string ReviewCreatedAt { get; init; } = "";

    public string Dataset { get; init; } = "";

    public string Identifier { get; init; } = "";

    public string? ModelId { get; init; }

    [JsonConverter(typeof(TextOrNumberJsonConverter))]
    public string? RunId { get; init; }

    public JsonElement? Metadata { get; init; }

    public string? PromptTitle { get; init; }

    public string? PromptBody { get; init; }

    /// <summary>The answer the reviewer scored.</summary>
    public string? ModelResponseText { get; init; }

    public string? ReviewUpdatedAt { get; init; }

    /// <summary>Whether a model wrote this review: AI reviewers carry the code <c>llm:&lt;model id&gt;</c>.</summary>
    [JsonIgnore]
    public bool IsAiReview => AiReviewers.IsAi(ReviewerCode);
}
