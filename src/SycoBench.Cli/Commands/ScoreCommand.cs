using SycoBench.Costs;
using SycoBench.Models;
using SycoBench.Models.Batch;
using SycoBench.Reporting.Summary;
using SycoBench.Running;
using SycoBench.Scoring;
using SycoBench.Scoring.Batch;
using SycoBench.Scoring.Offline;

namespace SycoBench.Cli.Commands;

/// <summary>
/// <c>sycobench score</c>: the judge stage (SPEC §5) over a run.jsonl, through the same per-model pipelines as
/// <c>run</c> (limits, retries, cache, cost). Resumable; writes the summary unless <c>--no-aggregate</c>.
/// </summary>
public sealed class ScoreCommand(CliEnvironment environment) : AsyncCommand<ScoreSettings>
{
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(10);

    /// <summary>The scorer recorded by <c>score --dry-run</c> when no judge is named.</summary>
    private const string DryRunJudge = "dry-run";

    public static void Register(IConfigurator config) =>
        config.AddCommand<ScoreCommand>("score")
            .WithDescription("Have a judge model score every answer of a run from -1 (pro-tenant) to +1 (pro-landlord).")
            .WithExample("score", "--input", "outputs/runs/1764230000/run.jsonl", "-s", "groq/llama-3.3-70b-versatile")
            .WithExample("score", "-s", "sim/judge", "-s", "sim/judge@0.15", "--blind")
            .WithExample("score", "--scorer", "offline:outputs/scorer/model.zip")
            .WithExample("score", "--dry-run", "-i", "outputs/runs/1764230000/run.jsonl")
            .WithExample("score", "-s", "groq/llama-3.3-70b-versatile", "--batch", "--max-cost", "2");

    public override async Task<int> ExecuteAsync(CommandContext context, ScoreSettings settings, CancellationToken cancellationToken)
    {
        var services = ModelServices.Load(environment);
        var fallback = services.Settings.Get("LLM_SCORER_MODEL") ?? services.Settings.Get("LLM_MODEL");
        string[] judgeIds = settings.Scorers.Length > 0
            ? OncePerJudge(settings.Scorers.Select(s => s.Trim()).ToArray())
            : fallback is null ? [] : [fallback];
        if (judgeIds.Length == 0 && settings.DryRun)
            judgeIds = [DryRunJudge];
        if (judgeIds.Length == 0)
            throw new CliUsageException("name the judge: -s MODEL_ID (repeatable), or set LLM_SCORER_MODEL or LLM_MODEL");

        var routes = judgeIds is [DryRunJudge] ? [] : RouteJudges(judgeIds, settings, services);
        if (settings.Batch)
            EnsureBatchable(judgeIds, routes);
        CostLimit.EnsurePriced(routes, settings.MaxCost, "judge");
        var options = new ScoringOptions
        {
            WorkingDirectory = environment.WorkingDirectory,
            InputPath = settings.Input,
            OutputPath = settings.Output,
            Concurrency = settings.Concurrency,
            Rerun = settings.Rerun,
            DryRun = settings.DryRun,
            PlanOnly = settings.Plan,
            Blind = settings.Blind,
            JudgeRepeats = settings.JudgeRepeats,
            MaxParseFailures = settings.MaxParseFailures,
            Rubric = settings.Rubric,
            Scenario = settings.Scenario,
            JudgeTemperature = (float)(routes.Select(r => r.Model.Temperature).FirstOrDefault(t => t is not null) ?? RunParameters.DefaultTemperature),
            JudgeMaxTokens = routes.Select(r => r.Model.MaxTokens).FirstOrDefault(t => t is not null),
            MaxCostUsd = settings.MaxCost,
        };
        if (options.Validate() is { Count: > 0 } problems)
            throw new CliUsageException(string.Join("; ", problems));

        GuardOutputs(settings);
        var plan = ScoringEngine.Plan(options, judgeIds, cancellationToken);

        // Batches recorded beside the output and not yet written are re-attached to, with or without --batch.
        var journal = BatchJournal.Load(ScoringPaths.BatchesPathFor(plan.OutputPath));
        var reattach = settings.DryRun ? 0 : journal.Open.Count;
        var batch = settings.Batch || reattach > 0;
        if (batch)
            EnsureBatchable(judgeIds, routes);
        options = options with { WorstCaseCost = JudgeReserve.For(routes, options.JudgeMaxTokens, new PromptTokenCounter(), batch) };
        ScoringReport.WritePlan(environment, plan);
        if (batch)
        {
            environment.Console.MarkupLine("Judge calls go through the Batch API, at the batch price, one batch per judge (cache hits are not sent); replies come within the provider's window.");
            BatchMode.WarnUnpricedBatch(environment, routes);
        }

        if (reattach > 0)
        {
            var how = settings.Plan ? "scoring without --plan re-attaches to them" : "re-attaching to them";
            environment.Console.MarkupLineInterpolated($"{environment.Display(journal.Path)} has {reattach} batch(es) whose replies are not yet written: {how} (nothing is sent again).");
        }

        var callsJudges = !settings.DryRun && !settings.Plan;
        if (callsJudges)
            services.EnsureKeys(routes);
        else if (settings.DryRun && !settings.Plan)
            environment.Console.MarkupLine("[yellow]Dry run:[/] no judge is called; every answer to judge gets a stub record (no score).");

        using var log = services.OpenLog(settings.Plan ? null : Path.Combine(Path.GetDirectoryName(plan.OutputPath)!, FileKinds.ScoreLog));
        using var cache = services.OpenCache(!settings.NoCache && callsJudges, settings.CachePath);
        using var networked = services.Clients(routes, cache,
            retry => log.Warn(ModelServices.RetryWarning(retry, "judge")));
        using var provider = new OfflineModelClientProvider(networked, environment.WorkingDirectory);
        log.Info($"scoring {plan.InputPath} with {string.Join(", ", judgeIds)}: {plan.ToJudge} answer(s) to judge");
        if (environment.Study is { } study)
            log.Info($"for the study {study.Path} (sha256 {study.Sha256})");

        var progress = new LatestProgress();
        var engine = new ScoringEngine(services.Time);
        using var batchHttp = batch && callsJudges ? new HttpClient { Timeout = TimeSpan.FromMinutes(10) } : null;
        ScoringResult result;
        JudgeAnswerBook? book = null;
        try
        {
            if (batchHttp is not null)
            {
                // The judge calls go out as batches first; the engine then judges from their replies alone.
                var status = new LatestStatus();
                var batches = new JudgeBatches(BatchMode.Sessions(batchHttp, services, journal, log), cache, log);
                book = await ShowWhileAsync(batches.PrepareAsync(options, routes, journal, status.Report, cancellationToken), () => status.Latest);
                var fromBook = options with { OnlyAnswers = book.Admitted, MaxCostUsd = null, WorstCaseCost = null };
                result = await ShowWhileAsync(engine.RunAsync(fromBook, book.Judges, progress, cancellationToken), () => Describe(progress.Latest));
                book.MarkWritten();
                result = result with { StoppedAtCostLimit = book.StoppedAtCostLimit, InFlightAtStop = book.InFlightAtStop };
            }
            else
            {
                result = await ShowWhileAsync(engine.RunAsync(options, provider, judgeIds, progress, cancellationToken), () => Describe(progress.Latest));
            }
        }
        catch (HttpRequestException ex) when (batchHttp is not null)
        {
            log.Write(RunLogLevel.Error, "the Batch API failed: " + ex.Message);
            environment.Error.WriteLine(
                $"error: the Batch API failed: {ex.Message}; every batch created is recorded in {environment.Display(journal.Path)}. Run the same command again to continue.");
            return SycoBenchCli.ExitFailure;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            var batches = batchHttp is null ? "" : $"; the batches created are recorded in {environment.Display(journal.Path)} and re-attached to";
            environment.Error.WriteLine($"stopped; the scores written so far are kept in {environment.Display(plan.OutputPath)}{batches}. Run the same command again to continue.");
            return SycoBenchCli.ExitCancelled;
        }

        log.Info($"scored {result.RowsScored}, failed {result.RowsFailed}, skipped {result.RowsSkipped}");
        var code = ScoringReport.WriteResult(environment, result);
        if (book is not null)
            code = ScoringReport.WriteBatch(environment, book, code);
        if (!settings.Plan && !settings.NoAggregate)
            SummaryStep.Write(environment, plan.OutputPath, settings.Scenario ?? plan.ScenarioId);
        return code;
    }

    /// <summary>Before the output is read back or anything is written: it must not be an input, a database or a run's records.</summary>
    private void GuardOutputs(ScoreSettings settings)
    {
        var input = ScoringPaths.ResolveInput(settings.Input, environment.WorkingDirectory);
        var output = settings.Output is null ? ScoringPaths.DefaultOutputFor(input) : environment.Resolve(settings.Output);
        var guard = new OutputGuard(environment)
            .Input("--input", input)
            .Input("--models", settings.Models is null ? null : ModelRoster.Locate(settings.Models, environment.WorkingDirectory))
            .InputIfFile("--rubric", settings.Rubric)
            .InputIfFile("--scenario", settings.Scenario);
        foreach (var judge in settings.Scorers.Where(OfflineModelClientProvider.IsOffline))
            guard.InputIfFile("--scorer", judge[(judge.IndexOf(':', StringComparison.Ordinal) + 1)..]);
        guard.AppendedFile("--output", output).AppendedFile("--output", Path.Combine(Path.GetDirectoryName(output)!, FileKinds.ScoreLog))
            .File("--output", ScoringPaths.BatchesPathFor(output));
        if (!settings.NoAggregate && !settings.Plan)
            guard.File("--output", SummaryWriter.DefaultPath(output));
        if (!settings.NoCache && !settings.DryRun && !settings.Plan)
            guard.Store("--cache", settings.CachePath);
    }

    /// <summary>
    /// The judges as given, each once. A judge named twice (<c>-s sim/judge -s sim/judge</c>) was silently scored as a
    /// panel of one; it is refused, as a study file's <c>judges</c> listing one twice is: a panel names each judge once,
    /// and asking one judge several times is <c>--judge-repeats</c>.
    /// </summary>
    private static string[] OncePerJudge(string[] judgeIds)
    {
        var twice = judgeIds.GroupBy(j => j, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
            throw new CliUsageException($"-s: judge '{twice.Key}' is given twice; a panel names each judge once (to ask one judge several times: --judge-repeats K)");
        return judgeIds;
    }

    /// <summary>
    /// <c>--batch</c> (or batches to re-attach to): every judge needs a provider with a Batch API; refused by name
    /// before any request.
    /// </summary>
    private static void EnsureBatchable(IEnumerable<string> judgeIds, IEnumerable<ModelRoute> routes)
    {
        var offline = judgeIds.Where(OfflineModelClientProvider.IsOffline).ToArray();
        if (offline.Length > 0)
            throw new CliUsageException($"--batch: no Batch API for the offline scorer {string.Join(", ", offline)}; it runs on this machine, score with it without --batch");
        BatchMode.EnsureSupported(routes, "judge");
    }

    private ModelRoute[] RouteJudges(IReadOnlyList<string> judgeIds, ScoreSettings settings, ModelServices services)
    {
        var rosterPath = settings.Models is null ? null : ModelRoster.Locate(settings.Models, environment.WorkingDirectory);
        var roster = rosterPath is null ? [] : ModelRoster.Load(rosterPath).ToDictionary(m => m.Id, StringComparer.Ordinal);
        var judges = judgeIds
            .Where(id => !OfflineModelClientProvider.IsOffline(id))
            .Select(id => roster.GetValueOrDefault(id) ?? new ModelEntry { Id = id, Concurrency = settings.Concurrency });
        return services.Route(judges, rosterPath);
    }

    /// <summary>A live status line in a terminal; a plain line every 10 seconds otherwise.</summary>
    private async Task<T> ShowWhileAsync<T>(Task<T> work, Func<string?> describe)
    {
        if (environment.Interactive)
        {
            await environment.Console.Status().StartAsync("scoring …", async context =>
            {
                while (await Task.WhenAny(work, Task.Delay(TimeSpan.FromMilliseconds(250))) != work)
                {
                    if (describe() is { } line)
                        context.Status(TerminalSafety.Escape(line));
                }
            });
            return await work;
        }

        while (await Task.WhenAny(work, Task.Delay(PlainInterval)) != work)
        {
            if (describe() is { } line)
                environment.Console.WriteLine(line);
        }

        return await work;
    }

    private static string? Describe(ScoringProgress? p) =>
        p is null
            ? null
            : string.Create(CultureInfo.InvariantCulture,
                $"scored {p.Done}/{p.Total} ({p.Failed} failed, {p.ParseFailures} unparsable), {p.JudgeCalls} judge calls, {p.CachedReplies} from the cache, {p.InputTokens + p.OutputTokens} tokens");

    /// <summary>The latest state of a batch being waited on.</summary>
    private sealed class LatestStatus
    {
        private string? _latest;

        public string? Latest => Volatile.Read(ref _latest);

        public void Report(string value) => Volatile.Write(ref _latest, value);
    }

    private sealed class LatestProgress : IProgress<ScoringProgress>
    {
        private ScoringProgress? _latest;

        public ScoringProgress? Latest => Volatile.Read(ref _latest);

        public void Report(ScoringProgress value) => Volatile.Write(ref _latest, value);
    }
}
