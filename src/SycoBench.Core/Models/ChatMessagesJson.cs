using System.Text.Json;
using Microsoft.Extensions.AI;

namespace SycoBench.Models;

/// <summary>
/// The one way a conversation is written as JSON: a <c>messages</c> array of <c>{role, content}</c> objects, as the
/// OpenAI-compatible chat API takes it. Batch lines, response-cache keys and judge-batch keys all write it this way.
/// </summary>
public static class ChatMessagesJson
{
    /// <summary>Writes the property <c>messages</c> with each message's role and text.</summary>
    public static void Write(Utf8JsonWriter writer, IEnumerable<ChatMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(messages);
        writer.WriteStartArray("messages");
        foreach (var message in messages)
        {
            writer.WriteStartObject();
            writer.WriteString("role", message.Role.Value);
            writer.WriteString("content", message.Text);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
