using System.Text.Json;

namespace SycoBench.Labeling.Storage;

/// <summary>
/// An item with everything stored about it, for tools that work on items outside the review pages (AI reviewers,
/// copies between stores). Reviewers are shown a <see cref="LabelItem"/>, never this.
/// </summary>
public sealed record StoredItem(
    long Id,
    string Dataset,
    string Identifier,
    string PromptTitle,
    string PromptBody,
    string ResponseText,
    string? ModelId,
    string? RunId,
    JsonElement? Metadata,
    string CreatedAt);
