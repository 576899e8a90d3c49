using SycoBench.Labeling;
using SycoBench.Labeling.Storage;
using SycoBench.Records;
using SycoBench.Reporting;
using SycoBench.Reviews;
using SycoBench.Scenarios;
using SycoBench.Scoring;

namespace SycoBench.Cli.Commands.Labeling;

/// <summary>
/// <c>sycobench portal push</c>: puts answers into a dataset, deduplicated on (dataset, identifier, run_id). A dry run
/// by default: it shows what would be added; <c>--apply</c> writes, all seeds in one transaction.
/// </summary>
public sealed class PortalPushCommand(CliEnvironment environment) : Command<PortalPushSettings>
{
    private const int PreviewCount = 5;

    public override int Execute(CommandContext context, PortalPushSettings settings, CancellationToken cancellationToken)
    {
        var (seeds, runScenario) = settings.RunFile is not null ? FromRun(settings, cancellationToken) : (FromSeedFile(settings.File!, cancellationToken), null);
        var scale = Scale(settings, runScenario);
        var dataset = DatasetName(settings, runScenario);
        var database = LabelDb.Resolve(environment, settings.Database);
        new OutputGuard(environment).Input("--file", settings.File).Input("--run-file", settings.RunFile).Store("--db", database);
        try
        {
            if (!settings.Apply && !LabelDb.Exists(database))
            {
                // A dry run changes nothing, not even by creating the database file.
                Report(ItemCatalog.PlanForEmptyDatabase(dataset, scale ?? RequireScale(dataset, null, null), seeds), seeds.Count,
                    LabelDb.Display(environment, database) + " (not created yet)");
                return SycoBenchCli.ExitOk;
            }

            using var store = LabelStore.Open(database);
            scale ??= RequireScale(dataset, store.Datasets.Find(dataset), store.Datasets.Names());
            var plan = settings.Apply ? store.Items.Push(dataset, scale, seeds) : store.Items.Plan(dataset, scale, seeds);
            Report(plan, seeds.Count, LabelDb.Display(environment, store.Location));
            return SycoBenchCli.ExitOk;
        }
        catch (DatasetScaleMismatchException ex)
        {
            throw new CliUsageException(ex.Message);
        }
    }

    /// <summary>The scale the answers are on: --scale, else the run's scenario; null when neither says (the dataset's own then).</summary>
    private DatasetScale? Scale(PortalPushSettings settings, Scenario? runScenario)
    {
        if (settings.Scale is not { } named)
            return runScenario is null ? null : DatasetScale.FromScenario(runScenario);
        var scale = string.Equals(named, DatasetScale.AitaSource, StringComparison.Ordinal)
            ? DatasetScale.Aita
            : DatasetScale.FromScenario(ScenarioCatalog.Load(named, environment.WorkingDirectory));
        if (runScenario is not null && !DatasetScale.FromScenario(runScenario).HasSameAnchors(scale))
        {
            throw new CliUsageException(
                $"--scale {named} is {scale.Describe()}, but the run's scenario {runScenario.Id} is scored {DatasetScale.FromScenario(runScenario).Describe()}");
        }

        return scale;
    }

    private static string DatasetName(PortalPushSettings settings, Scenario? runScenario)
    {
        if (settings.Dataset is { } named)
            return named;
        if (runScenario is null)
            throw new CliUsageException($"--dataset is required: the scenario of {settings.RunFile} is not known (no run_grid.json beside it names one, and its prompts match no scenario file)");
        if (LabelDatasets.NameProblem(runScenario.Id) is { } problem)
            throw new CliUsageException($"the run's scenario id cannot name a dataset ({problem}); choose a name with --dataset");
        return runScenario.Id;
    }

    /// <summary>A push without a scale of its own goes into an existing dataset, or a built-in one (aita, scenario).</summary>
    private static DatasetScale RequireScale(string dataset, LabelDataset? existing, IReadOnlyList<string>? known) =>
        existing?.Scale ?? LabelDatasets.BuiltInScale(dataset)
        ?? throw new CliUsageException(
            $"dataset '{dataset}' does not exist yet{(known is { Count: > 0 } ? $" (known: {string.Join(", ", known)})" : "")}: " +
            "give its scale with --scale (aita, or a scenario id or file), or push into an existing dataset");

    private (List<LabelSeed> Seeds, Scenario? Scenario) FromRun(PortalPushSettings settings, CancellationToken cancellationToken)
    {
        var rows = InputFiles.ReadRun(environment, settings.RunFile!, cancellationToken);
        var path = environment.Resolve(settings.RunFile!);
        var scenario = RunScenario(path, rows);
        var usable = rows.Count(RunSeedSampler.IsUsable);
        // A file with no answer to review (a grid, a run whose every call failed) is no run to push, never "0 added";
        // the rows a push leaves out are counted aloud, as the sample's refusal counts them.
        if (usable == 0)
            throw new InputException($"{settings.RunFile}: no usable answers to push ({rows.Count} records read, all failed or without an answer text); is it a run's run.jsonl?");
        if (rows.Count > usable)
            environment.Console.WriteLine($"{rows.Count - usable} failed or empty rows of {settings.RunFile} skipped (no answer to review).");
        if (settings.Sample is not { } sample)
            return (rows.Where(RunSeedSampler.IsUsable).Select(RunSeedSampler.ToSeed).DistinctBy(s => s.Identifier).ToList(), scenario);
        if (sample > usable)
            throw new CliUsageException($"--sample {sample} is more than the {usable} usable answers in {settings.RunFile} ({rows.Count - usable} failed or empty rows skipped)");
        return (RunSeedSampler.Sample(rows, sample, settings.Seed ?? 0).ToList(), scenario);
    }

    /// <summary>
    /// The scenario the run answered: the one its run_grid.json records, else the one whose grid its prompts come from;
    /// null when neither is known.
    /// </summary>
    private Scenario? RunScenario(string runPath, IReadOnlyList<RunRecord> rows)
    {
        var resolved = ReportScenarioResolver.Resolve(null, runPath, environment.WorkingDirectory);
        foreach (var warning in resolved.Warnings)
            environment.Warn(warning);
        if (resolved.Source == Running.RunFolder.ManifestFile)
            return resolved.Scenario;
        try
        {
            return ScenarioMatcher.Detect(rows, environment.WorkingDirectory, ScenarioCatalog.DefaultSearchDirectories(environment.WorkingDirectory));
        }
        catch (InputException ex)
        {
            environment.Warn($"{runPath}: {ex.Message}");
            return null;
        }
    }

    private List<LabelSeed> FromSeedFile(string file, CancellationToken cancellationToken)
    {
        var seeds = new List<LabelSeed>();
        // A seed file is input someone wrote by hand or by script: one bad line stops the push before anything is written.
        foreach (var entry in InputFiles.ReadEveryLine(environment, file, LabelFileJsonContext.Default.LabelSeed, cancellationToken))
        {
            if (ItemCatalog.Validate(entry.Value) is { } problem)
                throw new InputException($"{file}:{entry.LineNumber}: {problem}");
            seeds.Add(entry.Value);
        }

        if (seeds.Count == 0)
            throw new InputException($"{file}: no seeds in the file");
        return seeds;
    }

    private void Report(PushPlan plan, int read, string database)
    {
        var console = environment.Console;
        var table = ConsoleTable.Of(LabelColumn("seeds"), NumberColumn("count"));
        table.AddRow("read", InvariantNumber.Count(read));
        table.AddRow(plan.Applied ? "[green]added[/]" : "[green]would be added[/]", InvariantNumber.Count(plan.New.Count));
        table.AddRow("already stored", InvariantNumber.Count(plan.Unchanged.Count));
        table.AddRow("stored with other text (kept as stored)", InvariantNumber.Count(plan.Differing.Count));
        table.AddRow("repeated in the input (skipped)", InvariantNumber.Count(plan.DuplicatesInInput));
        console.Write(table);
        if (plan.Scale is { } scale)
        {
            console.MarkupLineInterpolated(
                $"Dataset [bold]{plan.Dataset}[/]{(plan.NewDataset ? (plan.Applied ? " (made now)" : " (new)") : "")}: {scale.Title}, scored {scale.Describe()} (scale of {scale.Source}).");
        }

        foreach (var seed in plan.New.Take(PreviewCount))
            console.MarkupLineInterpolated($"  [grey]+[/] {seed.Identifier}");
        if (plan.New.Count > PreviewCount)
            console.MarkupLineInterpolated($"  [grey]… and {plan.New.Count - PreviewCount} more[/]");
        foreach (var seed in plan.Differing.Take(PreviewCount))
            environment.Warn($"{seed.Identifier} (run {seed.RunId ?? "none"}) is stored with other text; the stored one is kept, as reviews refer to it");

        if (plan.Applied)
            console.MarkupLineInterpolated($"Pushed {plan.New.Count} new items into [bold]{plan.Dataset}[/] of [green]{database}[/].");
        else
            console.MarkupLineInterpolated($"Dry run: nothing written to {database}. Add [bold]--apply[/] to push {plan.New.Count} new items into [bold]{plan.Dataset}[/].");
    }
}
