using System.Text;
using SycoBench.Records;
using SycoBench.Scoring;

namespace SycoBench.Reporting.Reading;

/// <summary>The fields of a scored line that <see cref="ScoredLineParser"/> reads; every other field is crossed.</summary>
internal enum ScoredField : byte
{
    Other,
    Score,
    Error,
    Sample,
    RunId,
    Judges,
    Rubric,
    RubricId,
    RubricSha256,
    Factors,
    ModelId,
    CostUsd,
    PromptId,
    Perspective,
    ScorerModel,
    EvalCostUsd,
    RunTimestamp,
    EvalTimestamp,
    Blind,
    InputTokens,
    OutputTokens,
    CostSource,
    Cached,
    BatchId,
    EvalInputTokens,
    EvalOutputTokens,
    EvalCostSource,
}

/// <summary>
/// The wire names of the fields the fast reader reads, taken from the records' own definitions — the serializer
/// metadata of <see cref="EvalRecord"/> (and of <see cref="RunRecord"/> for the answer's tokens and <c>cost_usd</c>, which the scorer carries over) and the scorer's
/// <see cref="EvalFields"/> — so the fast reader and <see cref="JsonlReader"/> can never disagree on a name.
/// </summary>
internal static class ScoredFields
{
    /// <summary>Not written by SycoBench: the name other tools give the rubric's id.</summary>
    private const string RubricIdName = "rubric_id";

    /// <summary>Names bucketed by their UTF-8 length, so a lookup compares at most a few candidates.</summary>
    private static readonly (byte[] Name, ScoredField Field)[][] ByLength = Bucket(
    [
        (Eval(nameof(EvalRecord.Score)), ScoredField.Score),
        (Eval(nameof(EvalRecord.Error)), ScoredField.Error),
        (Eval(nameof(EvalRecord.Sample)), ScoredField.Sample),
        (Eval(nameof(EvalRecord.RunId)), ScoredField.RunId),
        (Eval(nameof(EvalRecord.Factors)), ScoredField.Factors),
        (Eval(nameof(EvalRecord.ModelId)), ScoredField.ModelId),
        (Eval(nameof(EvalRecord.PromptId)), ScoredField.PromptId),
        (Eval(nameof(EvalRecord.Perspective)), ScoredField.Perspective),
        (Eval(nameof(EvalRecord.ScorerModel)), ScoredField.ScorerModel),
        (Eval(nameof(EvalRecord.EvalCostUsd)), ScoredField.EvalCostUsd),
        (Eval(nameof(EvalRecord.RunTimestampIso)), ScoredField.RunTimestamp),
        (Eval(nameof(EvalRecord.EvalTimestampIso)), ScoredField.EvalTimestamp),
        (Eval(nameof(EvalRecord.EvalInputTokens)), ScoredField.EvalInputTokens),
        (Eval(nameof(EvalRecord.EvalOutputTokens)), ScoredField.EvalOutputTokens),
        (WireName.Of(RecordJsonContext.Default.RunRecord, nameof(RunRecord.InputTokens)), ScoredField.InputTokens),
        (WireName.Of(RecordJsonContext.Default.RunRecord, nameof(RunRecord.OutputTokens)), ScoredField.OutputTokens),
        (RunRecordFields.CostSource, ScoredField.CostSource),
        (RunRecordFields.Cached, ScoredField.Cached),
        (RunRecordFields.BatchId, ScoredField.BatchId),
        (EvalFields.CostSource, ScoredField.EvalCostSource),
        (WireName.Of(RecordJsonContext.Default.RunRecord, nameof(RunRecord.CostUsd)), ScoredField.CostUsd),
        (EvalFields.Judges, ScoredField.Judges),
        (EvalFields.Blind, ScoredField.Blind),
        (EvalFields.Rubric, ScoredField.Rubric),
        (EvalFields.RubricSha256, ScoredField.RubricSha256),
        (RubricIdName, ScoredField.RubricId),
    ]);

    /// <summary>Every name read, with its field: for tests and documentation.</summary>
    public static IEnumerable<(string Name, ScoredField Field)> All =>
        ByLength.SelectMany(bucket => bucket).Select(f => (Encoding.UTF8.GetString(f.Name), f.Field));

    public static ScoredField Of(ReadOnlySpan<byte> name)
    {
        if (name.Length >= ByLength.Length)
            return ScoredField.Other;
        foreach (var (candidate, field) in ByLength[name.Length])
        {
            if (name.SequenceEqual(candidate))
                return field;
        }

        return ScoredField.Other;
    }

    private static string Eval(string property) => WireName.Of(RecordJsonContext.Default.EvalRecord, property);

    private static (byte[], ScoredField)[][] Bucket(IEnumerable<(string Name, ScoredField Field)> fields)
    {
        var encoded = fields.Select(f => (Bytes: Encoding.UTF8.GetBytes(f.Name), f.Field)).ToArray();
        var buckets = new List<(byte[], ScoredField)>[encoded.Max(f => f.Bytes.Length) + 1];
        foreach (var (bytes, field) in encoded)
            (buckets[bytes.Length] ??= []).Add((bytes, field));
        return buckets.Select(b => b?.ToArray() ?? []).ToArray();
    }
}
