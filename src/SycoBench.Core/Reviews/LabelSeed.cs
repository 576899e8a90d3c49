using System.Text.Json;
using System.Text.Json.Serialization;

namespace SycoBench.Reviews;

/// <summary>
/// One line of a seeds file (SPEC §7): an answer to be scored by people. Pushed into the label database and
/// deduplicated on (dataset, <see cref="Identifier"/>, <see cref="RunId"/>). A field the format does not have is refused
/// when read: a misspelt optional one (<c>prompt_tittle</c>, <c>modelid</c>) would otherwise leave the item without it.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record LabelSeed
{
    public string Identifier { get; init; } = "";

    public string? PromptTitle { get; init; }

    public string PromptBody { get; init; } = "";

    public string ModelResponseText { get; init; } = "";

    public string? ModelId { get; init; }

    /// <summary>The run the answer came from; a number in run files, so numbers and strings are both read.</summary>
    [JsonConverter(typeof(TextOrNumberJsonConverter))]
    public string? RunId { get; init; }

    /// <summary>Anything that helps analysis but must not be shown to reviewers: prompt id, perspective, factors, sample.</summary>
    public JsonElement? Metadata { get; init; }
}
