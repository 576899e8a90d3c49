using System.Text.Json.Serialization;

namespace SycoBench.Records;

/// <summary>
/// One line of grid.jsonl: a prompt ready to send, with the factors it was built from. A field other than these three
/// makes the line malformed (and the grid unusable): a misspelt or hand-added field would otherwise be dropped unseen.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record GridPrompt(string PromptId, Factors Factors, IReadOnlyList<PromptMessage> Messages)
{
    [JsonIgnore]
    public string? Perspective => Factors.Perspective;
}
