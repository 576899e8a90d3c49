using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace SycoBench.Reporting.Reading;

/// <summary>
/// Reads one line of run_scored.jsonl into a <see cref="ScoredLine"/> without materialising what a report does not
/// need: the whole line is checked to be valid JSON by <see cref="JsonSkipper"/>, and only the values of the fields a
/// report uses are read, each with a <see cref="Utf8JsonReader"/> over its own few bytes. <c>messages</c>,
/// <c>response_text</c>, <c>raw_response</c>, <c>eval_raw_response</c> and all other fields are crossed, never decoded.
/// The fields that are read must have the types of <see cref="Records.EvalRecord"/>; a line where they do not is
/// malformed, as it is for <see cref="Records.JsonlReader"/>, and so is one that breaks <see cref="Records.RecordRules"/>
/// (a score outside [-1, 1], a negative sample). One parser per thread: it owns scratch space.
/// </summary>
internal sealed class ScoredLineParser
{
    private const int ScratchFields = 10;
    private readonly byte[][] _scratch = new byte[ScratchFields][];
    private JudgeMember[] _members = new JudgeMember[4];
    private byte[] _memberNames = new byte[256];

    public ScoredLineParser()
    {
        for (var i = 0; i < ScratchFields; i++)
            _scratch[i] = new byte[256];
    }

    /// <summary>Parses <paramref name="line"/>; on failure <paramref name="problem"/> says why (without the line number).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryParse(ReadOnlySpan<byte> line, ref ScoredLine record, out string? problem)
    {
        record = default;
        record.JudgeCount = -1;
        var i = JsonSkipper.Whitespace(line, 0);
        if (i >= line.Length || line[i] != '{')
            return Invalid(line, "not a JSON object", out problem);

        i = JsonSkipper.Whitespace(line, i + 1);
        if (i < line.Length && line[i] == '}')
            return End(line, i + 1, out problem);
        while (true)
        {
            if (i >= line.Length || line[i] != '"')
                return Invalid(line, null, out problem);
            var nameEnd = JsonSkipper.String(line, i);
            if (nameEnd < 0)
                return Invalid(line, null, out problem);
            var name = line[(i + 1)..(nameEnd - 1)];
            if (name.Contains((byte)'\\'))
                name = UnescapeName(line[i..nameEnd]);
            i = JsonSkipper.Whitespace(line, nameEnd);
            if (i >= line.Length || line[i] != ':')
                return Invalid(line, null, out problem);
            var valueStart = JsonSkipper.Whitespace(line, i + 1);
            var valueEnd = JsonSkipper.Value(line, valueStart, depth: 1);
            if (valueEnd < 0)
                return Invalid(line, null, out problem);

            problem = ReadField(name, line[valueStart..valueEnd], ref record);
            if (problem is not null)
                return false;

            i = JsonSkipper.Whitespace(line, valueEnd);
            if (i >= line.Length)
                return Invalid(line, null, out problem);
            if (line[i] == '}')
                return End(line, i + 1, out problem);
            if (line[i] != ',')
                return Invalid(line, null, out problem);
            i = JsonSkipper.Whitespace(line, i + 1);
        }
    }

    private static bool End(ReadOnlySpan<byte> line, int after, out string? problem)
    {
        if (JsonSkipper.Whitespace(line, after) != line.Length)
            return Invalid(line, null, out problem);
        problem = null;
        return true;
    }

    /// <summary>A line the skipper rejects: a token reader over it says exactly what is wrong and where.</summary>
    private static bool Invalid(ReadOnlySpan<byte> line, string? reason, out string problem)
    {
        if (reason is not null)
        {
            problem = "malformed line: " + reason;
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = JsonSkipper.MaxDepth + 1 });
            while (reader.Read())
            {
            }

            problem = "malformed line: not valid JSON";
        }
        catch (JsonException ex)
        {
            problem = "malformed line: " + Records.JsonlReader.Describe(ex);
        }

        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string? ReadField(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value, ref ScoredLine record)
    {
        // Only the fields of ScoredFields are decoded (names from the records' definitions); the first byte tells
        // the JSON kind of a value.
        switch (ScoredFields.Of(name))
        {
            case ScoredField.Score:
                return NumberOrNull(value, name, refuseNonFinite: true, ref record.HasScore, ref record.Score)
                    ?? (record.HasScore && !Records.RecordRules.IsScore(record.Score)
                        ? Rule(Records.RecordRules.ScoreProblem(Encoding.UTF8.GetString(name), record.Score))
                        : null);
            case ScoredField.Error:
                if (IsNull(value))
                    return null;
                if (value[0] != '"')
                    return TypeProblem(name, "a string or null");
                record.Error = String(value, 0);
                record.HasError = true;
                return null;
            case ScoredField.Sample:
                if (IsNull(value))
                    return null;
                return IsNumber(value) && int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out record.Sample)
                    ? (record.Sample >= 0 ? null : Rule(Records.RecordRules.SampleProblem(record.Sample)))
                    : TypeProblem(name, "a whole number or null");
            case ScoredField.RunId:
                if (IsNumber(value) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out record.RunId))
                {
                    record.HasRunId = true;
                    return null;
                }

                return TypeProblem(name, "a whole number");
            case ScoredField.Judges:
                if (IsNull(value))
                    return null;
                return value[0] == '[' ? ReadMembers(value, ref record) : TypeProblem(name, "an array of judge verdicts or null");
            case ScoredField.Rubric:
                ReadRubric(value, ref record);
                return null;
            case ScoredField.Blind:
                if (IsNull(value) || value.SequenceEqual("false"u8))
                    return null;
                if (!value.SequenceEqual("true"u8))
                    return TypeProblem(name, "true, false or null");
                record.Blind = true;
                return null;
            case ScoredField.Factors:
                if (IsNull(value))
                    return null;
                if (value[0] != '{')
                    return TypeProblem(name, "a JSON object or null");
                record.Factors = value;
                return null;
            case ScoredField.ModelId:
                return StringField(value, name, 1, ref record.ModelId);
            case ScoredField.CostUsd:
                // Not part of an eval record (a run record's field); used when a tool copied it over.
                if (IsNumber(value))
                {
                    record.Cost = Double(value);
                    record.HasCost = double.IsFinite(record.Cost);
                }

                return null;
            case ScoredField.PromptId:
                return StringField(value, name, 2, ref record.PromptId);
            case ScoredField.RubricId:
                if (value[0] == '"')
                    record.Rubric = String(value, 6);
                return null;
            case ScoredField.Perspective:
                return StringField(value, name, 3, ref record.Perspective);
            case ScoredField.ScorerModel:
                return StringField(value, name, 4, ref record.ScorerModel);
            case ScoredField.EvalCostUsd:
                return NumberOrNull(value, name, refuseNonFinite: false, ref record.HasEvalCost, ref record.EvalCost);
            case ScoredField.RubricSha256:
                if (value[0] == '"' && record.Rubric.IsEmpty)
                    record.Rubric = String(value, 6);
                return null;
            case ScoredField.EvalInputTokens:
                return WholeNumber(value, name, ref record.HasEvalInputTokens, ref record.EvalInputTokens);
            case ScoredField.EvalOutputTokens:
                return WholeNumber(value, name, ref record.HasEvalOutputTokens, ref record.EvalOutputTokens);
            case ScoredField.EvalCostSource:
                // Beyond SPEC §5, like the run record's fields below: read when it has the written type, else absent.
                if (value[0] == '"')
                    record.EvalCostSource = String(value, 8);
                return null;
            case ScoredField.InputTokens:
                LenientWholeNumber(value, ref record.HasInputTokens, ref record.InputTokens);
                return null;
            case ScoredField.OutputTokens:
                LenientWholeNumber(value, ref record.HasOutputTokens, ref record.OutputTokens);
                return null;
            case ScoredField.CostSource:
                if (value[0] == '"')
                    record.CostSource = String(value, 9);
                return null;
            case ScoredField.Cached:
                record.Cached = value.SequenceEqual("true"u8);
                return null;
            case ScoredField.BatchId:
                record.HasBatchId = !IsNull(value);
                return null;
            case ScoredField.RunTimestamp:
                return StringField(value, name, 5, ref record.RunTimestamp);
            case ScoredField.EvalTimestamp:
                return StringField(value, name, 7, ref record.EvalTimestamp);
            default:
                return null;
        }
    }

    private void ReadRubric(ReadOnlySpan<byte> value, ref ScoredLine record)
    {
        if (value[0] == '"')
        {
            record.Rubric = String(value, 6);
            return;
        }

        if (value[0] != '{')
            return;

        // A rubric object: its id (or name, or sha256) identifies it.
        var reader = Reader(value);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isId = reader.ValueTextEquals("id"u8) || reader.ValueTextEquals("name"u8) || reader.ValueTextEquals("sha256"u8);
            reader.Read();
            if (isId && reader.TokenType == JsonTokenType.String && record.Rubric.IsEmpty)
                record.Rubric = reader.ValueIsEscaped ? Unescape(ref reader, 6) : reader.ValueSpan;
            else
                reader.Skip();
        }
    }

    /// <summary>
    /// The <c>judges</c> array: every element must be a judge verdict (an object) whose <c>model</c> is a string or null
    /// and whose <c>score</c> is a finite number or null, as <see cref="Scoring.JudgeVerdict"/> types them; the other
    /// fields of a verdict are crossed. A repeated field counts once, its last value, as for the serializer.
    /// </summary>
    private string? ReadMembers(ReadOnlySpan<byte> array, ref ScoredLine record)
    {
        var reader = Reader(array);
        var count = 0;
        var nameBytes = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
                return $"malformed line: 'judges[{count}]' must be a judge verdict (a JSON object)";
            var start = nameBytes;
            var length = 0;
            var hasScore = false;
            var score = 0.0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var field = reader.ValueTextEquals(MemberModel) ? 1 : reader.ValueTextEquals(MemberScore) ? 2 : 0;
                reader.Read();
                switch (field)
                {
                    case 1 when reader.TokenType == JsonTokenType.Null:
                        length = 0;
                        break;
                    case 1 when reader.TokenType == JsonTokenType.String:
                        length = CopyName(ref reader, start);
                        break;
                    case 1:
                        return $"malformed line: 'judges[{count}].{MemberModelName}' must be a string or null";
                    case 2 when reader.TokenType == JsonTokenType.Null:
                        hasScore = false;
                        break;
                    case 2 when reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out score) && double.IsFinite(score):
                        if (!Records.RecordRules.IsScore(score))
                            return Rule(Records.RecordRules.ScoreProblem($"judges[{count}].{MemberScoreName}", score));
                        hasScore = true;
                        break;
                    case 2:
                        return $"malformed line: 'judges[{count}].{MemberScoreName}' must be a finite number or null";
                    default:
                        reader.Skip();
                        break;
                }
            }

            nameBytes = start + length;
            if (count == _members.Length)
                Array.Resize(ref _members, count * 2);
            _members[count++] = new JudgeMember(start, length, hasScore, hasScore ? score : 0);
        }

        record.JudgeCount = count;
        record.JudgesArray = array;
        record.Members = _members.AsSpan(0, count);
        record.MemberNames = _memberNames.AsSpan(0, nameBytes);
        return null;
    }

    private int CopyName(ref Utf8JsonReader reader, int at)
    {
        var needed = reader.ValueSpan.Length;
        if (_memberNames.Length < at + needed)
            Array.Resize(ref _memberNames, Math.Max(at + needed, _memberNames.Length * 2));
        return reader.CopyString(_memberNames.AsSpan(at));
    }

    private static readonly string MemberModelName = Records.WireName.Of(Scoring.ScoringJsonContext.Default.JudgeVerdict, nameof(Scoring.JudgeVerdict.Model));
    private static readonly string MemberScoreName = Records.WireName.Of(Scoring.ScoringJsonContext.Default.JudgeVerdict, nameof(Scoring.JudgeVerdict.Score));
    private static readonly byte[] MemberModel = Encoding.UTF8.GetBytes(MemberModelName);
    private static readonly byte[] MemberScore = Encoding.UTF8.GetBytes(MemberScoreName);

    /// <summary>
    /// A number or null. <paramref name="has"/> says whether a finite number was read; a number too large for a double
    /// is refused or, with <paramref name="refuseNonFinite"/> off, left absent.
    /// </summary>
    private static string? NumberOrNull(ReadOnlySpan<byte> value, ReadOnlySpan<byte> field, bool refuseNonFinite, ref bool has, ref double target)
    {
        if (IsNull(value))
            return null;
        if (!IsNumber(value))
            return TypeProblem(field, "a number or null");
        target = Double(value);
        has = double.IsFinite(target);
        return has || !refuseNonFinite ? null : TypeProblem(field, "a finite number or null");
    }

    private static string? WholeNumber(ReadOnlySpan<byte> value, ReadOnlySpan<byte> field, ref bool has, ref long target)
    {
        if (IsNull(value))
            return null;
        if (IsNumber(value) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out target))
        {
            has = true;
            return null;
        }

        return TypeProblem(field, "a whole number or null");
    }

    /// <summary>A field beyond the specification (a run record's, carried over): a whole number is read, anything else is absent.</summary>
    private static void LenientWholeNumber(ReadOnlySpan<byte> value, ref bool has, ref long target) =>
        has = IsNumber(value) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out target);

    private string? StringField(ReadOnlySpan<byte> value, ReadOnlySpan<byte> field, int scratch, ref ReadOnlySpan<byte> target)
    {
        if (IsNull(value))
        {
            target = default;
            return null;
        }

        if (value[0] != '"')
            return TypeProblem(field, "a string or null");
        target = String(value, scratch);
        return null;
    }

    /// <summary>The text of a string value: its bytes between the quotes, unescaped into scratch space when needed.</summary>
    private ReadOnlySpan<byte> String(ReadOnlySpan<byte> value, int scratch)
    {
        var inner = value[1..^1];
        if (!inner.Contains((byte)'\\'))
            return inner;
        var reader = Reader(value);
        return Unescape(ref reader, scratch);
    }

    private ReadOnlySpan<byte> UnescapeName(ReadOnlySpan<byte> quoted)
    {
        var reader = Reader(quoted);
        return Unescape(ref reader, 0).ToArray();
    }

    private ReadOnlySpan<byte> Unescape(scoped ref Utf8JsonReader reader, int scratch)
    {
        var needed = reader.ValueSpan.Length;
        if (_scratch[scratch].Length < needed)
            _scratch[scratch] = new byte[Math.Max(needed, _scratch[scratch].Length * 2)];
        var written = reader.CopyString(_scratch[scratch]);
        return _scratch[scratch].AsSpan(0, written);
    }

    private static Utf8JsonReader Reader(ReadOnlySpan<byte> value)
    {
        var reader = new Utf8JsonReader(value, new JsonReaderOptions { MaxDepth = JsonSkipper.MaxDepth + 1 });
        reader.Read();
        return reader;
    }

    /// <summary>A JSON number (its grammar already checked by the skipper) as a double, parsed straight from UTF-8.</summary>
    private static double Double(ReadOnlySpan<byte> value) =>
        double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static bool IsNull(ReadOnlySpan<byte> value) => value[0] == 'n';

    private static bool IsNumber(ReadOnlySpan<byte> value) => value[0] == '-' || (uint)(value[0] - '0') <= 9;

    /// <summary>A broken <see cref="Records.RecordRules"/> rule as this parser's problem, or null.</summary>
    private static string? Rule(string? problem) => problem is null ? null : "malformed line: " + problem;

    private static string TypeProblem(ReadOnlySpan<byte> field, string expected) => $"malformed line: '{Encoding.UTF8.GetString(field)}' must be {expected}";

}
