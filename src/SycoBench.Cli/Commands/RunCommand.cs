using SycoBench.Costs;
using SycoBench.Models;
using SycoBench.Models.Batch;
using SycoBench.Running;

namespace SycoBench.Cli.Commands;

/// <summary><c>sycobench run</c>: sends a grid to a roster of models and writes the run folder; resumable.</summary>
public sealed class RunCommand(CliEnvironment environment) : AsyncCommand<RunSettings>
{
    public static void Register(IConfigurator config) =>
        config.AddCommand<RunCommand>("run")
            .WithDescription("Send every prompt of a grid to every model of a roster; writes outputs/runs/<run_id>/. Resumable.")
            .WithExample("run", "--models", "roster")
            .WithExample("run", "--plan", "--limit", "6", "--model", "groq/llama-3.3-70b-versatile")
            .WithExample("run", "--dry-run", "--models", "roster")
            .WithExample("run", "--models", "sim", "--samples", "3")
            .WithExample("run", "--resume", "outputs/runs/1764230000", "--retry-errors")
            .WithExample("run", "--model", "groq/llama-3.3-70b-versatile", "--samples", "3", "--batch")
            .WithExample("run", "--models", "roster", "--samples", "3", "--shard", "2/8", "--out", "outputs/runs/study/part-2");

    public override async Task<int> ExecuteAsync(CommandContext context, RunSettings settings, CancellationToken cancellationToken)
    {
        var console = environment.Console;
        var services = ModelServices.Load(environment);
        var time = services.Time;
        var setup = RunSetup.FromSettings(settings, services);
        if (settings.ScoreNow && !setup.DryRun && settings.Scorers.Length == 0
            && services.Settings.Get("LLM_SCORER_MODEL") is null && services.Settings.Get("LLM_MODEL") is null)
        {
            throw new CliUsageException("--score-now needs a judge: -s MODEL_ID (repeatable), or set LLM_SCORER_MODEL or LLM_MODEL");
        }

        var recordsPath = RunFolder.RecordsPathOf(setup.Directory, setup.Stem);
        var state = settings.Resume is null ? RunState.Empty : RunState.Read(recordsPath);
        foreach (var issue in state.Issues)
            environment.Warn(issue + " (skipped; its key is asked again)");
        var outside = state.KeysOutside(setup.Models.Select(m => m.Id), setup.Prompts.Select(p => p.PromptId), setup.Parameters.Samples);
        foreach (var (line, key) in outside.Take(3))
            environment.Warn($"{environment.Display(recordsPath)}:{line}: a record of model '{key.ModelId}', prompt '{key.PromptId}', sample {key.Sample}, which this run's {RunFolder.ManifestFile} does not ask: left in the file, where score and report will read it");
        if (outside.Count > 3)
            environment.Warn($"{environment.Display(recordsPath)}: {outside.Count - 3} more record(s) of keys this run does not ask");

        // Batches recorded in the run folder and not yet written are re-attached to, with or without --batch.
        var journal = BatchJournal.Load(RunFolder.BatchesPathOf(setup.Directory, setup.Stem));
        var reattach = settings.Resume is not null ? journal.Open.Count : 0;
        var batch = settings.Batch || reattach > 0;
        if (batch && setup.DryRun)
            throw new CliUsageException($"{environment.Display(setup.Directory)} is a dry run; --batch sends real requests");
        if (batch)
            BatchMode.EnsureSupported(setup.Routes);
        if (reattach > 0)
            console.MarkupLineInterpolated($"The run folder has {reattach} batch(es) whose results are not yet written: re-attaching to them (nothing is sent again).");

        var counter = new PromptTokenCounter();
        var estimates = RunPlanDisplay.Write(environment, setup, state, settings, counter, batch);
        if (batch)
            BatchMode.WarnUnpricedBatch(environment, setup.Routes);
        CostLimit.EnsurePriced(setup.Routes, settings.MaxCost);
        if (settings.Plan)
        {
            console.MarkupLine("[yellow]Plan only:[/] nothing sent, nothing written.");
            return SycoBenchCli.ExitOk;
        }

        if (setup.DryRun)
            console.MarkupLine("[yellow]Dry run:[/] synthetic answers, nothing sent, no key needed, response cache off.");
        else
            services.EnsureKeys(setup.Routes);
        var guard = new OutputGuard(environment).Input("--grid", settings.Grid ?? (settings.Resume is null ? RunSettings.DefaultGrid : null)).Input("--models", settings.Models is null ? null : ModelRoster.Locate(settings.Models, environment.WorkingDirectory));
        if (setup.NewManifest is not null)
            guard.RunFolder("--out", setup.Directory, setup.Stem);
        if (setup.Cache.Enabled)
            guard.Store("--cache", setup.Cache.Path ?? CacheSettings.DefaultCache);
        var folder = setup.NewManifest is { } manifest ? RunFolder.Create(setup.Directory, manifest, setup.Stem) : RunFolder.Open(setup.Directory, setup.Stem);
        using var log = services.OpenLog(folder.LogPath);
        if (environment.Study is { } study)
            log.Info($"for the study {study.Path} (sha256 {study.Sha256})");
        if (settings.Resume is not null)
            log.Info($"resuming: {state.Lines} record(s) already in run.jsonl" + (settings.RetryErrors ? "; failed keys asked again" : ""));
        var progress = new RunProgress(log, time);
        using var cache = services.OpenCache(setup.Cache.Enabled, setup.Cache.Path ?? CacheSettings.DefaultCache);
        IModelClientProvider provider = setup.DryRun
            ? new DryRunClients(setup.Routes.Select(r => r.Model.Id))
            : services.Clients(setup.Routes, cache, progress.OnRetry, progress.OnRateLimitWait);
        using var owned = provider as IDisposable;

        var plan = setup.Plan(folder.RecordsPath, state, settings.RetryErrors, setup.DryRun ? null : settings.MaxCost) with { Tokens = counter };
        progress.Estimates = estimates.ToDictionary(e => e.ModelId, StringComparer.Ordinal);
        using var batchHttp = batch ? new HttpClient { Timeout = TimeSpan.FromMinutes(10) } : null;
        var work = batch
            ? new BatchRunner(BatchMode.Sessions(batchHttp!, services, journal, log), cache, log, time).RunAsync(plan, progress, journal, cancellationToken)
            : new BenchmarkRunner(provider, log, time).RunAsync(plan, progress, cancellationToken);
        RunOutcome outcome;
        try
        {
            outcome = await RunDisplay.ShowWhileAsync(environment, progress, work);
        }
        catch (HttpRequestException ex) when (batch)
        {
            console.Write(RunDisplay.Table(progress, live: false));
            log.Write(RunLogLevel.Error, "the Batch API failed: " + ex.Message);
            environment.Error.WriteLine(
                $"error: the Batch API failed: {ex.Message}; every batch created is recorded in {environment.Display(folder.BatchesPath)}. Continue with: sycobench run --resume {environment.Display(folder.Location)}");
            return SycoBenchCli.ExitFailure;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            console.Write(RunDisplay.Table(progress, live: false));
            environment.Error.WriteLine($"stopped; every answer received so far is in {environment.Display(folder.RecordsPath)}. Continue with: sycobench run --resume {environment.Display(folder.Location)}");
            return SycoBenchCli.ExitCancelled;
        }

        console.Write(RunDisplay.Table(progress, live: false));
        console.MarkupLineInterpolated($"Run [bold]{setup.RunId}[/]: {outcome.RecordsWritten} record(s) written to [green]{environment.Display(folder.RecordsPath)}[/]; spent {outcome.Spent.ToString()}.");
        var code = Conclude(outcome, folder, plan.FailuresLeftAlone());
        if (!settings.ScoreNow || code is not (SycoBenchCli.ExitOk or SycoBenchCli.ExitIncomplete))
            return code;

        // --score-now, as the original tool's: the judge stage over this run's records, with the same options score takes.
        console.MarkupLine("[bold]--score-now:[/] scoring this run.");
        // The judge calls go through the run's own response cache (--cache / --no-cache, or what a resumed run recorded).
        var scoring = new ScoreSettings
        {
            Input = folder.RecordsPath,
            Scorers = settings.Scorers,
            DryRun = setup.DryRun,
            NoCache = !setup.Cache.Enabled,
            Cache = setup.Cache.Enabled ? setup.Cache.Path : null,
        };
        var scored = await new ScoreCommand(environment).ExecuteAsync(context, scoring, cancellationToken);
        return scored != SycoBenchCli.ExitOk ? scored : code;
    }

    private int Conclude(RunOutcome outcome, RunFolder folder, int earlierFailures)
    {
        var resume = $"sycobench run --resume {environment.Display(folder.Location)}";
        foreach (var model in outcome.Unreachable)
            environment.Error.WriteLine($"error: {model.ModelId}: {model.StoppedBecause}; continue with: {resume}");
        if (outcome.StoppedAtCostLimit)
        {
            var (inFlight, reserved) = outcome.InFlightAtStop;
            environment.Error.WriteLine(
                $"stopped at the cost limit: {outcome.Spent} spent; {inFlight} request(s) were in flight at the stop (worst case {Usd.Format(reserved)}, recorded above); continue with: {resume} --max-cost <more>");
            return SycoBenchCli.ExitIncomplete;
        }

        if (outcome.Unreachable.Count > 0)
            return SycoBenchCli.ExitFailure;
        if (outcome.Failed + earlierFailures > 0)
        {
            environment.Warn($"{outcome.Failed + earlierFailures} key(s) have a failed record (kept with their error); ask again with: {resume} --retry-errors");
            return SycoBenchCli.ExitIncomplete;
        }

        return SycoBenchCli.ExitOk;
    }
}
