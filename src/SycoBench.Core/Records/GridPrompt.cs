using System.Text.Json.Serialization;

namespace SycoBench.Records;

/// <summary>One line of grid.jsonl: a prompt ready to send, with the factors it was built from.</summary>
public sealed record GridPrompt(
    [property: JsonPropertyName("prompt_id")] string PromptId,
    [property: JsonPropertyName("factors")] Factors Factors,
    [property: JsonPropertyName("messages")] IReadOnlyList<PromptMessage> Messages)
{
    [JsonIgnore]
    public string? Perspective => Factors.Perspective;
}
