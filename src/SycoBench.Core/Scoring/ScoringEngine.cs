using System.Globalization;
using Microsoft.Extensions.AI;
using SycoBench.Models;
using SycoBench.Records;

namespace SycoBench.Scoring;

/// <summary>
/// The judge stage (SPEC §5): reads a run, asks every judge about every answer not yet scored, and appends one eval
/// record per answer to the output as soon as it is judged (flushed), so an interrupted run resumes where it stopped
/// and never pays twice for a scored row. Skipped rows keep their SPEC reasons; a reply without a number is a failed
/// row with the reply kept, never a 0.
/// </summary>
public sealed class ScoringEngine(TimeProvider timeProvider)
{
    private readonly JudgeCaller _caller = new(timeProvider);

    public ScoringEngine()
        : this(TimeProvider.System)
    {
    }

    /// <summary>What <see cref="RunAsync"/> would do, read from the files; calls nothing, writes nothing.</summary>
    public static ScoringPlan Plan(ScoringOptions options, IReadOnlyList<string> judgeIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(judgeIds);
        return ScoringInputs.Read(options, judgeIds, cancellationToken).Plan;
    }

    /// <summary>
    /// Scores the run. Bad input (files, scenario, rubric, a row blind mode cannot match) throws
    /// <see cref="InputException"/> before any judge is called; invalid options throw <see cref="ArgumentException"/>;
    /// cancellation throws <see cref="OperationCanceledException"/> after the rows already judged were written.
    /// </summary>
    public Task<ScoringResult> RunAsync(
        ScoringOptions options,
        IReadOnlyList<(string JudgeId, IChatClient Client)> judges,
        IProgress<ScoringProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(judges);
        return RunCoreAsync(options, judges.Select(j => j.JudgeId).ToArray(), () => judges, progress, cancellationToken);
    }

    /// <summary>
    /// Scores the run with judges resolved through <paramref name="provider"/> (each judge's one pipeline). With
    /// <see cref="ScoringOptions.PlanOnly"/> or <see cref="ScoringOptions.DryRun"/> no client is asked for, so neither needs keys.
    /// </summary>
    public Task<ScoringResult> RunAsync(
        ScoringOptions options,
        IModelClientProvider provider,
        IReadOnlyList<string> judgeIds,
        IProgress<ScoringProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(judgeIds);
        return RunCoreAsync(options, judgeIds, () => judgeIds.Select(id => (id, provider.GetClient(id))).ToArray(), progress, cancellationToken);
    }

    private async Task<ScoringResult> RunCoreAsync(
        ScoringOptions options,
        IReadOnlyList<string> judgeIds,
        Func<IReadOnlyList<(string JudgeId, IChatClient Client)>> resolveJudges,
        IProgress<ScoringProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var inputs = ScoringInputs.Read(options, judgeIds, cancellationToken);
        var plan = inputs.Plan;
        var toJudge = options.OnlyAnswers is { } only ? inputs.ToJudge.Where(row => only.Contains(AnswerKey.Of(row))).ToArray() : inputs.ToJudge;
        var tally = new ScoringTally(toJudge.Count);
        if (options.PlanOnly)
            return Result(options, inputs, tally, planOnly: true, cancellationToken);
        var judges = options.DryRun ? [] : resolveJudges();

        var factory = new EvalRecordFactory(
            plan.ScorerModel,
            timeProvider.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            inputs.Requests.Rubric,
            options.Blind,
            options.JudgeRepeats);
        var requests = inputs.Requests;
        var budget = new Costs.Budget(options.MaxCostUsd);

        using (var writer = new JsonlWriter<EvalRecord>(plan.OutputPath, RecordJsonContext.Default.EvalRecord))
        {
            foreach (var (row, reason) in inputs.SkipsToWrite)
                writer.Write(factory.Skipped(row, reason));

            var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken };
            if (options.DryRun)
            {
                foreach (var row in toJudge)
                {
                    var stub = factory.Skipped(row, ScoringOptions.DryRunError);
                    writer.Write(stub);
                    progress?.Report(tally.Add(row, stub, []));
                }
            }

            await Parallel.ForEachAsync(options.DryRun ? [] : toJudge, parallel, async (row, token) =>
            {
                var messages = requests.Build(row);
                var reserved = options.WorstCaseCost is { } worstCase
                    ? judges.Sum(j => worstCase(j.JudgeId, messages)) * options.JudgeRepeats
                    : 0;
                if (!budget.TryReserve(reserved))
                    return;

                IReadOnlyList<JudgeCallOutcome>[] calls;
                try
                {
                    calls = await Task.WhenAll(judges.Select(judge => AskRepeatedlyAsync(judge.JudgeId, judge.Client, messages, options, requests.Rubric.Parser, token))).ConfigureAwait(false);
                }
                catch
                {
                    budget.Settle(reserved, Costs.CostTotal.Zero);
                    throw;
                }

                budget.Settle(reserved, calls.SelectMany(c => c).Where(c => c.CallError is null && !c.Cached)
                    .Aggregate(Costs.CostTotal.Zero, (total, call) => total.Add(call.CostUsd)));
                var record = factory.Judged(row, calls);
                writer.Write(record);
                var snapshot = tally.Add(row, record, calls);
                progress?.Report(snapshot);
            }).ConfigureAwait(false);
        }

        return Result(options, inputs, tally, planOnly: false, cancellationToken) with
        {
            StoppedAtCostLimit = budget.Exhausted,
            InFlightAtStop = budget.InFlightAtStop,
        };
    }

    private async Task<IReadOnlyList<JudgeCallOutcome>> AskRepeatedlyAsync(
        string judgeId,
        IChatClient client,
        IReadOnlyList<ChatMessage> messages,
        ScoringOptions options,
        JudgeReplyFormat format,
        CancellationToken cancellationToken)
    {
        var outcomes = new List<JudgeCallOutcome>(options.JudgeRepeats);
        for (var repeat = 0; repeat < options.JudgeRepeats; repeat++)
            outcomes.Add(await _caller.AskAsync(judgeId, client, messages, JudgeOptions(options, repeat), format, cancellationToken).ConfigureAwait(false));

        return outcomes;
    }

    /// <summary>The options of one judge call (before the judge's pipeline adds the roster's settings): the same for a batch line.</summary>
    internal static ChatOptions JudgeOptions(ScoringOptions options, int repeat)
    {
        var chatOptions = new ChatOptions { Temperature = options.JudgeTemperature, MaxOutputTokens = options.JudgeMaxTokens };
        if (options.JudgeRepeats > 1)
            chatOptions.AdditionalProperties = new AdditionalPropertiesDictionary { [JudgeCaller.RepeatProperty] = repeat };
        return chatOptions;
    }

    private static ScoringResult Result(ScoringOptions options, ScoringInputs inputs, ScoringTally tally, bool planOnly, CancellationToken cancellationToken)
    {
        var plan = inputs.Plan;
        IReadOnlyList<IReadOnlyList<JudgeVerdict>> verdictRows = [];
        if (File.Exists(plan.OutputPath))
        {
            verdictRows = ScoringInputs.LatestScores(plan.OutputPath, [], cancellationToken)
                .Where(pair => inputs.InputKeys.Contains(pair.Key) && pair.Value.Score is not null)
                .Select(pair => PanelStatistics.Verdicts(pair.Value))
                .Where(verdicts => verdicts.Count > 0)
                .ToArray();
        }

        return tally.ToResult(plan, options.MaxParseFailures, planOnly, options.DryRun && !planOnly) with
        {
            Judges = PanelStatistics.Judges(plan.JudgeIds, verdictRows),
            Agreement = PanelStatistics.Agreement(plan.JudgeIds, verdictRows),
            Retest = options.JudgeRepeats > 1 || verdictRows.Any(r => r.Any(v => v.Scores.Count > 1)) ? PanelStatistics.Retest(verdictRows) : null,
        };
    }
}
