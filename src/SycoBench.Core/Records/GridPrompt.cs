using System.Text.Json.Serialization;

namespace SycoBench.Records;

/// <summary>One line of grid.jsonl: a prompt ready to send, with the factors it was built from.</summary>
public sealed record GridPrompt(string PromptId, Factors Factors, IReadOnlyList<PromptMessage> Messages)
{
    [JsonIgnore]
    public string? Perspective => Factors.Perspective;
}
