using System.Text.Json;
using SycoBench.Records;

namespace SycoBench.Scoring;

/// <summary>
/// Turns a run row and its judges' calls into the eval record (SPEC §5). For a panel or repeats, tokens, cost and
/// latency are sums over every call of the row; request id, finish reason, provider and raw response are those of the
/// first call that returned a reply (every reply is in <see cref="EvalFields.Judges"/>).
/// </summary>
internal sealed class EvalRecordFactory(string scorerModel, string evalTimestampIso, Rubric rubric, bool blind, int repeats)
{
    private const int Decimals = 6;

    public string ScorerModel { get; } = scorerModel;

    public EvalRecord Skipped(RunRecord row, string reason) => Base(row) with { Error = reason, Extra = AnswerFields(row) is { Count: > 0 } fields ? fields : null };

    public EvalRecord Judged(RunRecord row, IReadOnlyList<IReadOnlyList<JudgeCallOutcome>> callsByJudge)
    {
        var verdicts = callsByJudge.Select(Verdict).ToList();
        var judgeScores = verdicts.Where(v => v.Score is not null).Select(v => v.Score!.Value).ToArray();
        var calls = callsByJudge.SelectMany(c => c).ToArray();
        var first = calls.FirstOrDefault(c => c.ReplyText is not null) ?? calls[0];

        var extra = AnswerFields(row);
        extra[EvalFields.Judges] = JsonSerializer.SerializeToElement(verdicts, ScoringJsonContext.Default.ListJudgeVerdict);
        extra[EvalFields.Rubric] = Element(rubric.Id);
        extra[EvalFields.RubricSha256] = Element(rubric.Sha256);
        extra[EvalFields.Blind] = JsonSerializer.SerializeToElement(blind, ScoringJsonContext.Default.Boolean);
        if (repeats > 1)
        {
            extra[EvalFields.JudgeRepeats] = JsonSerializer.SerializeToElement(repeats, ScoringJsonContext.Default.Int32);
            var spreads = verdicts.Where(v => v.Spread is not null).Select(v => v.Spread!.Value).ToArray();
            if (spreads.Length > 0)
                extra[EvalFields.RetestSpread] = Element(Math.Round(spreads.Average(), Decimals));
        }

        if (callsByJudge.Count > 1)
        {
            extra[EvalFields.PanelSize] = JsonSerializer.SerializeToElement(judgeScores.Length, ScoringJsonContext.Default.Int32);
            if (judgeScores.Length > 1)
                extra[EvalFields.PanelSpread] = Element(Math.Round(judgeScores.Max() - judgeScores.Min(), Decimals));
        }

        if (SourceOf(calls) is { } costSource)
            extra[EvalFields.CostSource] = JsonSerializer.SerializeToElement(costSource, ScoringJsonContext.Default.String);
        if (calls.Select(c => c.BatchId).OfType<string>().Distinct(StringComparer.Ordinal).ToArray() is { Length: > 0 } batches)
            extra[EvalFields.BatchId] = Element(string.Join("+", batches));

        return Base(row) with
        {
            Score = judgeScores.Length > 0 ? Math.Round(judgeScores.Average(), Decimals) : null,
            Error = judgeScores.Length > 0 ? null : RowFailure(callsByJudge),
            EvalLatencyMs = Sum(calls.Select(c => c.LatencyMs)),
            EvalProvider = first.Provider,
            EvalInputTokens = Sum(calls.Select(c => c.InputTokens)),
            EvalOutputTokens = Sum(calls.Select(c => c.OutputTokens)),
            EvalTotalTokens = Sum(calls.Select(c => c.TotalTokens)),
            EvalCostUsd = CostOf(calls),
            EvalRequestId = first.RequestId,
            EvalFinishReason = first.FinishReason,
            EvalRawResponse = first.RawResponse,
            Extra = extra,
        };
    }

    public static JudgeVerdict Verdict(IReadOnlyList<JudgeCallOutcome> calls)
    {
        var scores = calls.Select(c => c.Score).ToArray();
        var present = scores.Where(s => s is not null).Select(s => s!.Value).ToArray();
        var failures = calls.Select(c => c.Failure).ToArray();
        return new JudgeVerdict
        {
            Model = calls[0].JudgeId,
            Score = present.Length > 0 ? Math.Round(present.Average(), Decimals) : null,
            Scores = scores,
            Replies = calls.Select(c => c.ReplyText).ToArray(),
            Errors = failures.Any(f => f is not null) ? failures : null,
            Spread = calls.Count > 1 && present.Length > 1 ? Math.Round(present.Max() - present.Min(), Decimals) : null,
            InputTokens = Sum(calls.Select(c => c.InputTokens)),
            OutputTokens = Sum(calls.Select(c => c.OutputTokens)),
            CostUsd = CostOf(calls),
            CostSource = SourceOf(calls),
            LatencyMs = Sum(calls.Select(c => c.LatencyMs)),
            Cached = calls.Any(c => c.Cached),
        };
    }

    /// <summary>
    /// The run record's fields beyond SPEC §4 (cost source, cached, …) and the answer's own tokens and cost, so the
    /// scored file says what each answer cost (report's cost section) without run.jsonl.
    /// </summary>
    private static Dictionary<string, JsonElement> AnswerFields(RunRecord row)
    {
        var extra = row.Extra is null ? new Dictionary<string, JsonElement>() : new Dictionary<string, JsonElement>(row.Extra);
        if (row.InputTokens is { } input)
            extra[InputTokensName] = JsonSerializer.SerializeToElement(input, RecordJsonContext.Default.Int64);
        if (row.OutputTokens is { } output)
            extra[OutputTokensName] = JsonSerializer.SerializeToElement(output, RecordJsonContext.Default.Int64);
        if (row.CostUsd is { } cost)
            extra[CostUsdName] = JsonSerializer.SerializeToElement(cost, RecordJsonContext.Default.Double);
        return extra;
    }

    private static readonly string InputTokensName = WireName.Of(RecordJsonContext.Default.RunRecord, nameof(RunRecord.InputTokens));
    private static readonly string OutputTokensName = WireName.Of(RecordJsonContext.Default.RunRecord, nameof(RunRecord.OutputTokens));
    private static readonly string CostUsdName = WireName.Of(RecordJsonContext.Default.RunRecord, nameof(RunRecord.CostUsd));

    private EvalRecord Base(RunRecord row) => new()
    {
        RunId = row.RunId,
        RunTimestampIso = row.TimestampIso,
        EvalTimestampIso = evalTimestampIso,
        ModelId = row.ModelId,
        Provider = row.Provider,
        PromptId = row.PromptId,
        Perspective = row.Perspective,
        Factors = row.Factors,
        Messages = row.Messages,
        ResponseText = row.ResponseText ?? "",
        ScorerModel = ScorerModel,
        Sample = row.Sample,
    };

    /// <summary>
    /// The error of a row no judge scored: "judge-error: …" when every call failed, else "judge-unparsable: …"; for a
    /// panel each judge's reason is named.
    /// </summary>
    private static string RowFailure(IReadOnlyList<IReadOnlyList<JudgeCallOutcome>> callsByJudge)
    {
        var perJudge = callsByJudge.Select(calls => (calls[0].JudgeId, Failure: calls.First(c => c.Failure is not null).Failure!)).ToArray();
        if (perJudge.Length == 1)
            return perJudge[0].Failure;
        var allCallErrors = callsByJudge.All(calls => calls.All(c => c.CallError is not null));
        var prefix = allCallErrors ? EvalFields.JudgeErrorPrefix : EvalFields.UnparsablePrefix;
        return prefix + string.Join("; ", perJudge.Select(j => $"{j.JudgeId}: {j.Failure}"));
    }

    private static JsonElement Element(string value) => JsonSerializer.SerializeToElement(value, ScoringJsonContext.Default.String);

    private static JsonElement Element(double value) => JsonSerializer.SerializeToElement(value, ScoringJsonContext.Default.Double);

    /// <summary>
    /// What the calls that got a reply cost; null when none did or any of them has an unknown cost (a partial sum
    /// would understate the cost). Failed calls are not billed.
    /// </summary>
    private static double? CostOf(IEnumerable<JudgeCallOutcome> calls)
    {
        var replied = calls.Where(c => c.CallError is null).ToArray();
        return replied.Length == 0 || replied.Any(c => c.CostUsd is null) ? null : replied.Sum(c => c.CostUsd!.Value);
    }

    private static string? SourceOf(IEnumerable<JudgeCallOutcome> calls)
    {
        var sources = calls.Where(c => c.CallError is null).Select(c => c.CostSource ?? Costs.CostSource.Unknown).Distinct().ToArray();
        return sources.Length switch { 0 => null, 1 => sources[0], _ => "mixed" };
    }

    private static long? Sum(IEnumerable<long?> values)
    {
        long? total = null;
        foreach (var value in values)
        {
            if (value is { } v)
                total = (total ?? 0) + v;
        }

        return total;
    }

    private static double? Sum(IEnumerable<double?> values)
    {
        double? total = null;
        foreach (var value in values)
        {
            if (value is { } v)
                total = (total ?? 0) + v;
        }

        return total is { } t ? Math.Round(t, 9) : null;
    }
}
