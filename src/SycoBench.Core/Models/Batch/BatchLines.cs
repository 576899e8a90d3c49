using System.ClientModel.Primitives;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using OpenAI.Chat;
using SycoBench.Models.Pipeline;
using ChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace SycoBench.Models.Batch;

/// <summary>
/// The two ends of a batch line: the request line of one chat call (what the interactive path would send, as the
/// Batch API wants it) and the reading of one result line back into the <see cref="ChatResponse"/> the interactive
/// path would have produced — same properties, priced at the batch price.
/// </summary>
public static class BatchLines
{
    /// <summary>
    /// <c>{"custom_id", "method": "POST", "url": "/v1/chat/completions", "body": {…}}</c>: the model name, the
    /// messages, temperature, <c>max_completion_tokens</c> and the roster's other settings, and for the simulator the
    /// prompt/sample hint in <c>user</c>.
    /// </summary>
    public static string Request(string customId, ModelRoute route, IReadOnlyList<ChatMessage> messages, ChatOptions options)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(options);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(2048);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("custom_id", customId);
            writer.WriteString("method", "POST");
            writer.WriteString("url", BatchApiClient.ChatEndpoint);
            writer.WriteStartObject("body");
            writer.WriteString("model", route.ModelName);
            ChatMessagesJson.Write(writer, messages);
            if (options.Temperature is { } temperature)
                writer.WriteNumber("temperature", Math.Round((double)temperature, 6));
            if (options.MaxOutputTokens is { } maxTokens)
                writer.WriteNumber("max_completion_tokens", maxTokens);
            if (options.TopP is { } topP)
                writer.WriteNumber("top_p", Math.Round((double)topP, 6));
            if (options.FrequencyPenalty is { } frequency)
                writer.WriteNumber("frequency_penalty", Math.Round((double)frequency, 6));
            if (options.PresencePenalty is { } presence)
                writer.WriteNumber("presence_penalty", Math.Round((double)presence, 6));
            if (options.Seed is { } seed)
                writer.WriteNumber("seed", seed);
            if (options.StopSequences is { Count: > 0 } stop)
            {
                writer.WriteStartArray("stop");
                foreach (var sequence in stop)
                    writer.WriteStringValue(sequence);
                writer.WriteEndArray();
            }

            if (options.Reasoning?.Effort is { } effort)
                writer.WriteString("reasoning_effort", effort.ToString().ToLowerInvariant());
            if (route.SendsSampleHint)
                writer.WriteString("user", RequestTags.SimulatorHint(options));
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// Reads one line of a batch's output or error file: its custom id, and the answer (status 200 with a chat
    /// completion body) or why there is none. A line that is not a result line is an error, never skipped.
    /// </summary>
    public static BatchLineResult Read(string line, ModelRoute route)
    {
        ArgumentNullException.ThrowIfNull(route);
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        var customId = root.TryGetProperty("custom_id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()!
            : throw new InvalidDataException("a batch result line has no custom_id");
        if (root.TryGetProperty("response", out var response) && response.ValueKind == JsonValueKind.Object
            && response.TryGetProperty("status_code", out var status) && status.ValueKind == JsonValueKind.Number)
        {
            var code = status.GetInt32();
            var body = response.TryGetProperty("body", out var b) ? b : default;
            if (code == 200 && body.ValueKind == JsonValueKind.Object)
                return new BatchLineResult(customId, ToResponse(body.GetRawText(), route), null);
            var message = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("error", out var be) && be.ValueKind == JsonValueKind.Object
                && be.TryGetProperty("message", out var bm)
                    ? bm.GetString()
                    : body.ValueKind == JsonValueKind.Undefined ? "no body" : body.GetRawText();
            return new BatchLineResult(customId, null, string.Create(CultureInfo.InvariantCulture, $"HTTP {code}: {message}"));
        }

        var error = root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.Object
            ? (e.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() + ": " : "")
              + (e.TryGetProperty("message", out var m) ? m.GetString() : e.GetRawText())
            : "the batch result line has neither a response nor an error";
        return new BatchLineResult(customId, null, error);
    }

    /// <summary>The chat completion body of a batch line as the interactive path's response, priced at the batch price.</summary>
    public static ChatResponse ToResponse(string rawJson, ModelRoute route)
    {
        ArgumentNullException.ThrowIfNull(route);
        var completion = ModelReaderWriter.Read<ChatCompletion>(BinaryData.FromString(rawJson))
            ?? throw new InvalidDataException("a batch answer's body is not a chat completion");
        // The conversion the interactive client uses (Microsoft.Extensions.AI.OpenAI), so both paths record alike.
#pragma warning disable OPENAI001
        var response = completion.AsChatResponse();
#pragma warning restore OPENAI001
        var (provider, reported) = ProviderCallChatClient.ReadProviderFields(rawJson);
        var (cost, source) = ProviderCallChatClient.CostOf(route, response.Usage, reported, batch: true);
        var properties = response.AdditionalProperties ??= [];
        properties[ResponseProperties.RawResponseJson] = rawJson;
        properties[ResponseProperties.Provider] = provider ?? route.ProviderName;
        properties[ResponseProperties.CostSource] = source;
        if (cost is { } known)
            properties[ResponseProperties.CostUsd] = known;
        return response;
    }
}

/// <summary>One request's outcome in a batch: the answer, or why there is none.</summary>
public sealed record BatchLineResult(string CustomId, ChatResponse? Response, string? Error);
