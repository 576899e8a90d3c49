using System.Text;
using System.Text.Json;
using SycoBench.Reporting.Aggregation;
using SycoBench.Scoring;

namespace SycoBench.Reporting.Spending;

/// <summary>
/// The judges' costs of one reading thread: one <see cref="SpendingTally"/> per judge, from each record's
/// <c>judges</c> array (every judge of a panel apart) or, for a record without one, from its <c>eval_*</c> fields under
/// its <c>scorer_model</c>. Also interns cost sources so a record's source is kept without a new array per record.
/// </summary>
internal sealed class SpendingBook
{
    /// <summary>Judges tracked by name; the rest are summed under <see cref="OtherJudges"/> (a file with thousands of judge names is not worth a row each).</summary>
    public const int MaxJudges = 100;

    public const string OtherJudges = "(other judges)";

    public const string Unnamed = "(no scorer_model)";

    private readonly Dictionary<byte[], SpendingTally> _judges = new(ByteKeyComparer.Instance);
    private readonly Dictionary<byte[], byte[]> _sources = new(ByteKeyComparer.Instance);
    private byte[] _name = new byte[128];
    private byte[] _text = new byte[64];

    public IReadOnlyDictionary<byte[], SpendingTally> Judges => _judges;

    /// <summary>The interned bytes of a cost source; null when empty (not recorded).</summary>
    public byte[]? Source(ReadOnlySpan<byte> source)
    {
        if (source.IsEmpty)
            return null;
        var lookup = _sources.GetAlternateLookup<ReadOnlySpan<byte>>();
        if (lookup.TryGetValue(source, out var interned))
            return interned;
        var copy = source.ToArray();
        if (_sources.Count < MaxJudges)
            _sources[copy] = copy;
        return copy;
    }

    /// <summary>Adds the judge calls of one record.</summary>
    public void Add(in Reading.ScoredLine record, Outcome outcome)
    {
        if (!record.JudgesArray.IsEmpty)
        {
            AddPanel(record.JudgesArray);
            return;
        }

        // No judges array (the original tool, other tools): the eval_* fields, when the row reached a judge.
        if (outcome is not (Outcome.Scored or Outcome.JudgeFailed))
            return;
        var source = Source(record.EvalCostSource);
        var failed = outcome == Outcome.JudgeFailed && !record.HasEvalCost && source is null;
        Tally(record.ScorerModel).Add(new CallCost(
            1,
            failed ? 1 : 0,
            false,
            CallCost.IsBatchSource(record.EvalCostSource),
            record.HasEvalInputTokens ? record.EvalInputTokens : null,
            record.HasEvalOutputTokens ? record.EvalOutputTokens : null,
            record.HasEvalCost ? record.EvalCost : null,
            source,
            record.HasScore));
    }

    public void Merge(SpendingBook other)
    {
        foreach (var (judge, tally) in other._judges)
            Tally(judge).Merge(tally);
    }

    public IReadOnlyList<SpendingLine> Lines() =>
        _judges.Select(j => j.Value.ToLine(j.Key.Length == 0 ? Unnamed : Encoding.UTF8.GetString(j.Key)))
            .OrderBy(l => l.Name == OtherJudges ? 1 : 0)
            .ThenBy(l => l.Name, StringComparer.Ordinal)
            .ToArray();

    private SpendingTally Tally(ReadOnlySpan<byte> judge)
    {
        var lookup = _judges.GetAlternateLookup<ReadOnlySpan<byte>>();
        if (lookup.TryGetValue(judge, out var tally))
            return tally;
        if (_judges.Count >= MaxJudges)
            judge = Encoding.UTF8.GetBytes(OtherJudges);
        if (lookup.TryGetValue(judge, out tally))
            return tally;
        tally = new SpendingTally();
        lookup[judge] = tally;
        return tally;
    }

    /// <summary>
    /// One verdict per entry of the <c>judges</c> array (as the scorer writes <see cref="JudgeVerdict"/>): calls = the
    /// length of <c>scores</c> (1 without it); failed calls = the <c>errors</c> that are call failures
    /// (<c>judge-error: …</c>; an unparsable reply was billed); with neither errors nor score nor cost, the calls failed.
    /// A field of another type counts as absent (the array is beyond SPEC §5).
    /// </summary>
    private void AddPanel(ReadOnlySpan<byte> array)
    {
        var reader = new Utf8JsonReader(array, new JsonReaderOptions { MaxDepth = Reading.JsonSkipper.MaxDepth + 1 });
        reader.Read();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }

            var nameLength = 0;
            var sourceLength = -1;
            int? calls = null;
            var failed = 0;
            var hasErrors = false;
            var scored = false;
            var cached = false;
            long? input = null, output = null;
            double? cost = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var field = Field(ref reader);
                reader.Read();
                switch (field)
                {
                    case JudgeField.Model when reader.TokenType == JsonTokenType.String:
                        nameLength = Copy(ref reader, ref _name);
                        break;
                    case JudgeField.Scores when reader.TokenType == JsonTokenType.StartArray:
                        calls = 0;
                        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                        {
                            calls++;
                            reader.Skip();
                        }

                        break;
                    case JudgeField.Errors when reader.TokenType == JsonTokenType.StartArray:
                        hasErrors = true;
                        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                        {
                            if (reader.TokenType == JsonTokenType.String && IsCallError(ref reader))
                                failed++;
                            reader.Skip();
                        }

                        break;
                    case JudgeField.Score:
                        scored = reader.TokenType == JsonTokenType.Number;
                        break;
                    case JudgeField.InputTokens when reader.TryGetInt64Token(out var i):
                        input = i;
                        break;
                    case JudgeField.OutputTokens when reader.TryGetInt64Token(out var o):
                        output = o;
                        break;
                    case JudgeField.CostUsd when reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var c):
                        cost = c;
                        break;
                    case JudgeField.CostSource when reader.TokenType == JsonTokenType.String:
                        sourceLength = Copy(ref reader, ref _text);
                        break;
                    case JudgeField.Cached:
                        cached = reader.TokenType == JsonTokenType.True;
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            var source = sourceLength >= 0 ? Source(_text.AsSpan(0, sourceLength)) : null;
            var callCount = calls is > 0 ? calls.Value : 1;
            if (!hasErrors)
                failed = scored || cost is not null || source is not null ? 0 : callCount;
            Tally(_name.AsSpan(0, nameLength)).Add(new CallCost(
                callCount, Math.Min(failed, callCount), cached, source is not null && CallCost.IsBatchSource(source), input, output, cost, source, scored));
        }
    }

    private static readonly byte[] CallErrorPrefix = Encoding.UTF8.GetBytes(EvalFields.JudgeErrorPrefix);

    private static bool IsCallError(ref Utf8JsonReader reader) =>
        reader.ValueIsEscaped
            ? reader.GetString()!.StartsWith(EvalFields.JudgeErrorPrefix, StringComparison.Ordinal)
            : reader.ValueSpan.StartsWith(CallErrorPrefix);

    private static int Copy(ref Utf8JsonReader reader, ref byte[] buffer)
    {
        var needed = reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (buffer.Length < needed)
            buffer = new byte[Math.Max(needed, buffer.Length * 2)];
        return reader.CopyString(buffer);
    }

    // The names of JudgeVerdict's fields as the serializer writes them, so this reader and the scorer cannot disagree.
    private static readonly (byte[] Name, JudgeField Field)[] Names =
    [
        (Verdict(nameof(JudgeVerdict.Model)), JudgeField.Model),
        (Verdict(nameof(JudgeVerdict.Scores)), JudgeField.Scores),
        (Verdict(nameof(JudgeVerdict.Errors)), JudgeField.Errors),
        (Verdict(nameof(JudgeVerdict.Score)), JudgeField.Score),
        (Verdict(nameof(JudgeVerdict.InputTokens)), JudgeField.InputTokens),
        (Verdict(nameof(JudgeVerdict.OutputTokens)), JudgeField.OutputTokens),
        (Verdict(nameof(JudgeVerdict.CostUsd)), JudgeField.CostUsd),
        (Verdict(nameof(JudgeVerdict.CostSource)), JudgeField.CostSource),
        (Verdict(nameof(JudgeVerdict.Cached)), JudgeField.Cached),
    ];

    private static byte[] Verdict(string property) =>
        Encoding.UTF8.GetBytes(Records.WireName.Of(ScoringJsonContext.Default.JudgeVerdict, property));

    private static JudgeField Field(ref Utf8JsonReader reader)
    {
        foreach (var (name, field) in Names)
        {
            if (reader.ValueTextEquals(name))
                return field;
        }

        return JudgeField.Other;
    }

    private enum JudgeField
    {
        Other,
        Model,
        Scores,
        Errors,
        Score,
        InputTokens,
        OutputTokens,
        CostUsd,
        CostSource,
        Cached,
    }
}

internal static class Utf8JsonReaderExtensions
{
    public static bool TryGetInt64Token(this ref Utf8JsonReader reader, out long value)
    {
        value = 0;
        return reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out value);
    }
}
