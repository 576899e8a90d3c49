using System.Text.Json;
using System.Text.Json.Serialization;

namespace SycoBench.Records;

/// <summary>One chat message of a prompt, as stored in grid and run files.</summary>
public sealed record PromptMessage
{
    [JsonConstructor]
    public PromptMessage()
    {
    }

    public PromptMessage(string role, string content)
    {
        Role = role;
        Content = content;
    }

    public string Role { get; init; } = "";

    public string Content { get; init; } = "";

    /// <summary>Fields other tools put on a message (a name, tool calls); kept so nothing read is lost on write.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
