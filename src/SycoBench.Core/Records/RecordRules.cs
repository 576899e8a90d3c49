using System.Globalization;
using System.Text.Json;

namespace SycoBench.Records;

/// <summary>
/// The rules a record's values follow beyond their JSON types, checked by every reader of run.jsonl and
/// run_scored.jsonl (<see cref="JsonlReader"/> and the report's fast reader alike): a score lies in [-1, 1], because
/// the judge's number is clamped there before it is written (SPEC §5) and a statistic over a 1.7 would be a number on
/// no scale; a sample index is 0 or more (it is 0-based). A line that breaks one is malformed — named with its file,
/// line and field, and left out — never read as if it held a score or a sample.
/// </summary>
public static class RecordRules
{
    private static readonly string ScoreName = WireName.Of(RecordJsonContext.Default.EvalRecord, nameof(EvalRecord.Score));
    private static readonly string SampleName = WireName.Of(RecordJsonContext.Default.EvalRecord, nameof(EvalRecord.Sample));
    private static readonly string VerdictScoreName =
        WireName.Of(Scoring.ScoringJsonContext.Default.JudgeVerdict, nameof(Scoring.JudgeVerdict.Score));

    /// <summary>Why <paramref name="record"/> breaks a rule (without "malformed line: "), or null when it keeps them all.</summary>
    public static string? Problem(AnswerRecord record)
    {
        if (record.Sample is { } sample && SampleProblem(sample) is { } sampleProblem)
            return sampleProblem;
        if (record is not EvalRecord eval)
            return null;
        if (eval.Score is { } score && ScoreProblem(ScoreName, score) is { } scoreProblem)
            return scoreProblem;
        if (eval.Extra is null || !eval.Extra.TryGetValue(Scoring.EvalFields.Judges, out var judges) || judges.ValueKind != JsonValueKind.Array)
            return null;
        var index = 0;
        foreach (var verdict in judges.EnumerateArray())
        {
            if (verdict.ValueKind == JsonValueKind.Object)
            {
                foreach (var field in verdict.EnumerateObject())
                {
                    if (field.NameEquals(VerdictScoreName) && field.Value.ValueKind == JsonValueKind.Number && field.Value.TryGetDouble(out var value)
                        && ScoreProblem($"{Scoring.EvalFields.Judges}[{index}].{VerdictScoreName}", value) is { } problem)
                        return problem;
                }
            }

            index++;
        }

        return null;
    }

    /// <summary>Why a sample index cannot be one, or null.</summary>
    public static string? SampleProblem(int sample) =>
        sample >= 0 ? null : $"'{SampleName}' must be 0 or more (a 0-based sample index; got {sample.ToString(CultureInfo.InvariantCulture)})";

    /// <summary>Whether <paramref name="score"/> can be a judge's score: a number in [-1, 1].</summary>
    public static bool IsScore(double score) => score is >= -1 and <= 1;

    /// <summary>Why a score read from <paramref name="field"/> cannot be a judge's score, or null.</summary>
    public static string? ScoreProblem(string field, double score) =>
        IsScore(score)
            ? null
            : $"'{field}' must be between -1 and 1, as every judge's score is clamped (got {score.ToString("R", CultureInfo.InvariantCulture)})";
}
