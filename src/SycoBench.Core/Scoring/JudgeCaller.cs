using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;
using SycoBench.Models;
using SycoBench.Models.Pipeline;

namespace SycoBench.Scoring;

/// <summary>Asks one judge once and turns whatever happens — a reply, an unparsable reply, a failure — into a value.</summary>
internal sealed class JudgeCaller(TimeProvider timeProvider)
{
    /// <summary>
    /// Key of <c>ChatOptions.AdditionalProperties</c> carrying the repeat index, so a response cache keyed on the sample
    /// index keeps K repeats apart instead of answering all of them with the first reply.
    /// </summary>
    public const string RepeatProperty = "sycobench.sample";

    /// <summary>The options marked so that only a reply with a number is cached or answered from the cache.</summary>
    public static ChatOptions Accepting(ChatOptions options) => RequestTags.Accepting(options, reply => JudgeReplyParser.Parse(reply.Text).Succeeded);

    /// <summary>Asks once; the reply is read as <paramref name="format"/> says (the rubric's parser).</summary>
    public async Task<JudgeCallOutcome> AskAsync(
        string judgeId,
        IChatClient client,
        IReadOnlyList<ChatMessage> messages,
        ChatOptions options,
        JudgeReplyFormat format,
        CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        ChatResponse response;
        try
        {
            // A reply without a number is a failure for the judge stage: the response cache must neither keep it nor
            // answer with it, so scoring again really asks again.
            var accepting = Accepting(options);
            response = await client.GetResponseAsync(messages, accepting, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var message = ex is OperationCanceledException ? "the request timed out" : ex.Message.ReplaceLineEndings(" ").Trim();
            return new JudgeCallOutcome
            {
                JudgeId = judgeId,
                CallError = message.Length > 0 ? message : ex.GetType().Name,
                LatencyMs = timeProvider.GetElapsedTime(started).TotalMilliseconds,
            };
        }

        var measured = timeProvider.GetElapsedTime(started).TotalMilliseconds;
        var text = response.Text;
        var properties = response.AdditionalProperties;
        var finishReason = response.FinishReason?.Value;
        return new JudgeCallOutcome
        {
            JudgeId = judgeId,
            ReplyText = text,
            Parsed = JudgeReplyParser.Parse(text, format),
            InputTokens = response.Usage?.InputTokenCount,
            OutputTokens = response.Usage?.OutputTokenCount,
            TotalTokens = response.Usage?.TotalTokenCount
                ?? (response.Usage?.InputTokenCount + response.Usage?.OutputTokenCount),
            CostUsd = GetDouble(properties, ResponseProperties.CostUsd),
            CostSource = GetString(properties, ResponseProperties.CostSource)
                ?? (GetDouble(properties, ResponseProperties.CostUsd) is null ? Costs.CostSource.Unknown : "cache"),
            LatencyMs = Math.Round(GetDouble(properties, ResponseProperties.LatencyMs) ?? measured, 3),
            RequestId = response.ResponseId,
            FinishReason = finishReason,
            Provider = GetString(properties, ResponseProperties.Provider),
            RawResponse = ParseJson(GetString(properties, ResponseProperties.RawResponseJson))
                ?? Synthesize(judgeId, response, text, finishReason),
            Cached = properties?.TryGetValue(ResponseProperties.Cached, out var cached) == true && cached is true,
            BatchId = GetString(properties, ResponseProperties.BatchId),
        };
    }

    private static double? GetDouble(AdditionalPropertiesDictionary? properties, string key)
    {
        if (properties is null || !properties.TryGetValue(key, out var value) || value is null)
            return null;
        return value switch
        {
            double d => d,
            float f => f,
            decimal m => (double)m,
            int i => i,
            long l => l,
            JsonElement { ValueKind: JsonValueKind.Number } e => e.GetDouble(),
            string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
    }

    private static string? GetString(AdditionalPropertiesDictionary? properties, string key) =>
        properties is not null && properties.TryGetValue(key, out var value) ? value as string ?? (value as JsonElement?)?.ToString() : null;

    private static JsonElement? ParseJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
            return null;
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(json, ScoringJsonContext.Default.String);
        }
    }

    /// <summary>
    /// An OpenAI-shaped response for a judge whose pipeline does not hand over the raw body (an offline scorer), so
    /// <c>eval_raw_response.choices[0].message.content</c> always holds the reply; marked <c>"synthesized": true</c>.
    /// </summary>
    private static JsonElement Synthesize(string judgeId, ChatResponse response, string text, string? finishReason)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", response.ResponseId);
            writer.WriteString("model", response.ModelId ?? judgeId);
            writer.WriteStartArray("choices");
            writer.WriteStartObject();
            writer.WriteNumber("index", 0);
            writer.WriteString("finish_reason", finishReason);
            writer.WriteStartObject("message");
            writer.WriteString("role", "assistant");
            writer.WriteString("content", text);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndArray();
            if (response.Usage is { } usage)
            {
                writer.WriteStartObject("usage");
                WriteNumber(writer, "prompt_tokens", usage.InputTokenCount);
                WriteNumber(writer, "completion_tokens", usage.OutputTokenCount);
                WriteNumber(writer, "total_tokens", usage.TotalTokenCount);
                writer.WriteEndObject();
            }

            writer.WriteBoolean("synthesized", true);
            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    private static void WriteNumber(Utf8JsonWriter writer, string name, long? value)
    {
        if (value is { } number)
            writer.WriteNumber(name, number);
        else
            writer.WriteNull(name);
    }
}
