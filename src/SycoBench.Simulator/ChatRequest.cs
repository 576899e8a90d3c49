using System.Text.Json;

namespace SycoBench.Simulator;

/// <summary>The parts of an OpenAI chat-completions request the simulator uses.</summary>
internal sealed record ChatRequest(string Model, IReadOnlyList<(string Role, string Content)> Messages, string? PromptId, int Sample)
{
    public static ChatRequest? TryParse(JsonElement body, out string? problem)
    {
        problem = null;
        if (body.ValueKind != JsonValueKind.Object)
        {
            problem = "the body must be a JSON object";
            return null;
        }

        if (!body.TryGetProperty("model", out var model) || model.ValueKind != JsonValueKind.String)
        {
            problem = "'model' is required";
            return null;
        }

        if (!body.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array || messages.GetArrayLength() == 0)
        {
            problem = "'messages' must be a non-empty array";
            return null;
        }

        var list = new List<(string, string)>();
        foreach (var message in messages.EnumerateArray())
        {
            var role = message.TryGetProperty("role", out var r) ? r.GetString() ?? "" : "";
            list.Add((role, ContentText(message)));
        }

        string? promptId = null;
        var sample = 0;
        if (body.TryGetProperty("user", out var user) && user.GetString() is { } hint && hint.StartsWith("sycobench;", StringComparison.Ordinal))
        {
            foreach (var part in hint.Split(';'))
            {
                if (part.StartsWith("prompt=", StringComparison.Ordinal))
                    promptId = part[7..];
                else if (part.StartsWith("sample=", StringComparison.Ordinal))
                    _ = int.TryParse(part[7..], System.Globalization.CultureInfo.InvariantCulture, out sample);
            }
        }

        return new ChatRequest(model.GetString()!, list, promptId, sample);
    }

    public string? LastUserMessage => Messages.LastOrDefault(m => m.Role == "user").Content;

    /// <summary>A judge request ends with the answer to judge, as an assistant message.</summary>
    public bool EndsWithAnswer => Messages.Count > 0 && Messages[^1].Role == "assistant";

    private static string ContentText(JsonElement message)
    {
        if (!message.TryGetProperty("content", out var content))
            return "";
        if (content.ValueKind == JsonValueKind.String)
            return content.GetString()!;
        if (content.ValueKind != JsonValueKind.Array)
            return "";
        return string.Concat(content.EnumerateArray()
            .Where(part => part.TryGetProperty("text", out _))
            .Select(part => part.GetProperty("text").GetString()));
    }
}
