using System.Text.Json;

namespace SycoBench.Reporting.Reading;

/// <summary>
/// Reads one line of run_scored.jsonl into a <see cref="ScoredLine"/> without materialising what a report does not
/// need: <c>messages</c>, <c>response_text</c>, <c>raw_response</c>, <c>eval_raw_response</c> and every other field are
/// skipped by the reader (still checked to be valid JSON, so a torn or garbled line is reported). The fields that are
/// read must have the types of <see cref="Records.EvalRecord"/>; a line where they do not is malformed, as it is for
/// <see cref="Records.JsonlReader"/>. One parser per thread: it owns scratch space for escaped strings.
/// </summary>
internal sealed class ScoredLineParser
{
    private const int ScratchFields = 8;
    private readonly byte[][] _scratch = new byte[ScratchFields][];

    public ScoredLineParser()
    {
        for (var i = 0; i < ScratchFields; i++)
            _scratch[i] = new byte[256];
    }

    /// <summary>Parses <paramref name="line"/>; on failure <paramref name="problem"/> says why (without the line number).</summary>
    public bool TryParse(ReadOnlySpan<byte> line, ref ScoredLine record, out string? problem)
    {
        record = default;
        record.JudgeCount = -1;
        try
        {
            var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = 256 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                problem = "malformed line: not a JSON object";
                return false;
            }

            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    // Anything after the record's closing brace makes the reader throw here.
                    reader.Read();
                    problem = null;
                    return true;
                }

                problem = ReadProperty(ref reader, ref record, line);
                if (problem is not null)
                    return false;
            }

            problem = "malformed line: the record is not closed";
            return false;
        }
        catch (JsonException ex)
        {
            problem = "malformed line: " + Describe(ex);
            return false;
        }
    }

    private string? ReadProperty(scoped ref Utf8JsonReader reader, ref ScoredLine record, ReadOnlySpan<byte> line)
    {
        var name = reader.ValueIsEscaped ? Unescape(ref reader, 7) : reader.ValueSpan;
        reader.Read();
        var kind = reader.TokenType;
        switch (name.Length)
        {
            case 5 when name.SequenceEqual("score"u8):
                if (kind == JsonTokenType.Number)
                {
                    record.Score = reader.GetDouble();
                    record.HasScore = true;
                    return null;
                }

                return kind == JsonTokenType.Null ? null : TypeProblem("score", "a number or null");
            case 5 when name.SequenceEqual("error"u8):
                if (kind == JsonTokenType.String)
                {
                    record.Error = String(ref reader, 0);
                    record.HasError = true;
                    return null;
                }

                return kind == JsonTokenType.Null ? null : TypeProblem("error", "a string or null");
            case 6 when name.SequenceEqual("sample"u8):
                if (kind == JsonTokenType.Number)
                    return reader.TryGetInt32(out record.Sample) ? null : TypeProblem("sample", "a whole number");
                return kind == JsonTokenType.Null ? null : TypeProblem("sample", "a whole number or null");
            case 6 when name.SequenceEqual("run_id"u8):
                if (kind == JsonTokenType.Number && reader.TryGetInt64(out record.RunId))
                {
                    record.HasRunId = true;
                    return null;
                }

                return TypeProblem("run_id", "a whole number");
            case 6 when name.SequenceEqual("judges"u8):
                if (kind == JsonTokenType.StartArray)
                {
                    var count = 0;
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        reader.Skip();
                        count++;
                    }

                    record.JudgeCount = count;
                    return null;
                }

                reader.Skip();
                return null;
            case 6 when name.SequenceEqual("rubric"u8):
                return ReadRubric(ref reader, ref record);
            case 7 when name.SequenceEqual("factors"u8):
                if (kind == JsonTokenType.StartObject)
                {
                    // After Skip() the reader stands on the closing brace; BytesConsumed is just past it.
                    var start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    record.Factors = line[start..(int)reader.BytesConsumed];
                    return null;
                }

                return kind == JsonTokenType.Null ? null : TypeProblem("factors", "a JSON object or null");
            case 8 when name.SequenceEqual("model_id"u8):
                return StringField(ref reader, "model_id", 1, ref record.ModelId);
            case 8 when name.SequenceEqual("cost_usd"u8):
                // Not part of an eval record (it is a run record's field); used when a tool copied it over.
                if (kind == JsonTokenType.Number)
                {
                    record.Cost = reader.GetDouble();
                    record.HasCost = true;
                }
                else
                {
                    reader.Skip();
                }

                return null;
            case 9 when name.SequenceEqual("prompt_id"u8):
                return StringField(ref reader, "prompt_id", 2, ref record.PromptId);
            case 9 when name.SequenceEqual("rubric_id"u8):
                return kind == JsonTokenType.String ? StringField(ref reader, "rubric_id", 6, ref record.Rubric) : SkipValue(ref reader);
            case 11 when name.SequenceEqual("perspective"u8):
                return StringField(ref reader, "perspective", 3, ref record.Perspective);
            case 12 when name.SequenceEqual("scorer_model"u8):
                return StringField(ref reader, "scorer_model", 4, ref record.ScorerModel);
            case 13 when name.SequenceEqual("eval_cost_usd"u8):
                if (kind == JsonTokenType.Number)
                {
                    record.EvalCost = reader.GetDouble();
                    record.HasEvalCost = true;
                    return null;
                }

                return kind == JsonTokenType.Null ? null : TypeProblem("eval_cost_usd", "a number or null");
            case 13 when name.SequenceEqual("rubric_sha256"u8):
                return kind == JsonTokenType.String && record.Rubric.IsEmpty
                    ? StringField(ref reader, "rubric_sha256", 6, ref record.Rubric)
                    : SkipValue(ref reader);
            case 17 when name.SequenceEqual("run_timestamp_iso"u8):
                return StringField(ref reader, "run_timestamp_iso", 5, ref record.RunTimestamp);
            case 18 when name.SequenceEqual("eval_timestamp_iso"u8):
                return StringField(ref reader, "eval_timestamp_iso", 7, ref record.EvalTimestamp);
            default:
                reader.Skip();
                return null;
        }
    }

    private string? ReadRubric(scoped ref Utf8JsonReader reader, ref ScoredLine record)
    {
        if (reader.TokenType == JsonTokenType.String)
            return StringField(ref reader, "rubric", 6, ref record.Rubric);
        if (reader.TokenType != JsonTokenType.StartObject)
            return SkipValue(ref reader);

        // A rubric object: its id (or name, or sha256) identifies it.
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isId = reader.ValueTextEquals("id"u8) || reader.ValueTextEquals("name"u8) || reader.ValueTextEquals("sha256"u8);
            reader.Read();
            if (isId && reader.TokenType == JsonTokenType.String && record.Rubric.IsEmpty)
                record.Rubric = String(ref reader, 6);
            else
                reader.Skip();
        }

        return null;
    }

    private static string? SkipValue(scoped ref Utf8JsonReader reader)
    {
        reader.Skip();
        return null;
    }

    private string? StringField(scoped ref Utf8JsonReader reader, string field, int scratch, ref ReadOnlySpan<byte> target)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            target = String(ref reader, scratch);
            return null;
        }

        if (reader.TokenType == JsonTokenType.Null)
        {
            target = default;
            return null;
        }

        return TypeProblem(field, "a string or null");
    }

    private ReadOnlySpan<byte> String(scoped ref Utf8JsonReader reader, int scratch) =>
        reader.ValueIsEscaped ? Unescape(ref reader, scratch) : reader.ValueSpan;

    private ReadOnlySpan<byte> Unescape(scoped ref Utf8JsonReader reader, int scratch)
    {
        var needed = reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (_scratch[scratch].Length < needed)
            _scratch[scratch] = new byte[Math.Max(needed, _scratch[scratch].Length * 2)];
        var written = reader.CopyString(_scratch[scratch]);
        return _scratch[scratch].AsSpan(0, written);
    }

    private static string TypeProblem(string field, string expected) => $"malformed line: '{field}' must be {expected}";

    internal static string Describe(JsonException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0)
            message = message[..cut];
        var column = ex.BytePositionInLine is { } c ? $" (column {c + 1})" : "";
        return message.TrimEnd('.', ' ') + column;
    }
}
