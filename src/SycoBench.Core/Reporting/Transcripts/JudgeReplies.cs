using System.Text.Json;

namespace SycoBench.Reporting.Transcripts;

/// <summary>
/// What each judge replied about a record, as the page shows it: <c>[[judge, score, [reply…], [error…] | null,
/// reasoning | null], …]</c>. SycoBench's scorer keeps every judge's replies in <c>judges</c> (panels and repeats
/// included); a file of the original tool has only <c>eval_raw_response</c>, whose first choice's message content
/// (and reasoning, when the provider returned one) is the reply.
/// </summary>
internal static class JudgeReplies
{
    public static void Write(Utf8JsonWriter json, JsonElement record, string scorer, double? score)
    {
        json.WriteStartArray();
        if (record.TryGetProperty(Scoring.EvalFields.Judges, out var judges) && judges.ValueKind == JsonValueKind.Array)
        {
            foreach (var judge in judges.EnumerateArray())
            {
                if (judge.ValueKind != JsonValueKind.Object)
                    continue;
                json.WriteStartArray();
                WriteStringOrNull(json, TranscriptCollector.String(judge, "model") ?? scorer);
                WriteNumberOrNull(json, judge, "score");
                WriteStrings(json, judge, "replies");
                if (judge.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
                    WriteStrings(json, judge, "errors");
                else
                    json.WriteNullValue();
                json.WriteNullValue();
                json.WriteEndArray();
            }
        }
        else if (record.TryGetProperty("eval_raw_response", out var raw) && raw.ValueKind is JsonValueKind.Object or JsonValueKind.String)
        {
            var (content, reasoning) = FirstMessage(raw);
            json.WriteStartArray();
            json.WriteStringValue(scorer);
            if (score is { } value)
                json.WriteNumberValue(value);
            else
                json.WriteNullValue();
            json.WriteStartArray();
            if (content is not null)
                json.WriteStringValue(content);
            json.WriteEndArray();
            json.WriteNullValue();
            WriteStringOrNull(json, reasoning);
            json.WriteEndArray();
        }

        json.WriteEndArray();
    }

    private static (string? Content, string? Reasoning) FirstMessage(JsonElement raw)
    {
        if (raw.ValueKind == JsonValueKind.String)
            return (raw.GetString(), null);
        if (raw.TryGetProperty("choices", out var choices) && choices.ValueKind == JsonValueKind.Array && choices.GetArrayLength() > 0
            && choices[0].ValueKind == JsonValueKind.Object && choices[0].TryGetProperty("message", out var message)
            && message.ValueKind == JsonValueKind.Object)
        {
            return (TranscriptCollector.String(message, "content"), TranscriptCollector.String(message, "reasoning"));
        }

        return (null, null);
    }

    private static void WriteStrings(Utf8JsonWriter json, JsonElement element, string property)
    {
        json.WriteStartArray();
        if (element.TryGetProperty(property, out var items) && items.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in items.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String)
                    json.WriteStringValue(item.GetString());
                else
                    json.WriteNullValue();
            }
        }

        json.WriteEndArray();
    }

    private static void WriteNumberOrNull(Utf8JsonWriter json, JsonElement element, string property)
    {
        if (element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number)
            json.WriteNumberValue(value.GetDouble());
        else
            json.WriteNullValue();
    }

    private static void WriteStringOrNull(Utf8JsonWriter json, string? value)
    {
        if (value is null)
            json.WriteNullValue();
        else
            json.WriteStringValue(value);
    }
}
