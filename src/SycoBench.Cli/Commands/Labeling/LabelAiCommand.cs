using SycoBench.Labeling;
using SycoBench.Labeling.AiReviewing;
using SycoBench.Labeling.Storage;
using SycoBench.Models;
using SycoBench.Records;
using SycoBench.Reviews;
using SycoBench.Running;
using SycoBench.Scenarios;
using SycoBench.Scoring;

namespace SycoBench.Cli.Commands.Labeling;

public sealed class LabelAiSettings : JudgingSettings
{
    [CommandOption(LabelStoreOption.Template)]
    [Description(LabelStoreOption.Help)]
    public string? Database { get; init; }

    [CommandOption("--dataset <NAME>")]
    [Description("The dataset whose items the AI reviewers score (any dataset of the store).")]
    public string? Dataset { get; init; }

    [CommandOption("--dry-run")]
    [Description("Show the items, the AI reviewers and the instruction; call nothing, store nothing.")]
    public bool DryRun { get; init; }

    protected override ValidationResult ValidateOptions()
    {
        if (base.ValidateOptions() is { Successful: false } shared)
            return shared;
        if (LabelStoreOption.Check(Database) is { Successful: false } database)
            return database;
        if (string.IsNullOrWhiteSpace(Dataset))
            return ValidationResult.Error("--dataset is required: a dataset of the store (e.g. aita, or a scenario dataset such as wage-v1)");
        if (LabelStoreOption.DatasetName(Dataset) is { Successful: false } invalid)
            return invalid;
        if (string.IsNullOrWhiteSpace(Models))
            return ValidationResult.Error("--models is required: a roster of the AI reviewers, e.g. --models data/models/judges.json");
        return ValidationResult.Success();
    }
}

/// <summary>
/// <c>sycobench label ai</c>: AI reviewers score a dataset's items through the same model pipeline as <c>score</c>;
/// their reviews are stored as <c>llm:&lt;model id&gt;</c> apart from people's (never assigned, never counted toward
/// an item's three, never shown to reviewers).
/// </summary>
public sealed class LabelAiCommand(CliEnvironment environment) : AsyncCommand<LabelAiSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, LabelAiSettings settings, CancellationToken cancellationToken)
    {
        var dataset = settings.Dataset!;
        var database = LabelDb.RequireExisting(environment, settings.Database);
        new OutputGuard(environment).Store("--db", database);
        var rosterPath = environment.Resolve(settings.Models!);
        var roster = ModelRoster.Load(rosterPath);
        var services = ModelServices.Load(environment);
        var routes = services.Route(roster, rosterPath);

        using var store = LabelStore.Open(database, environment.Time);
        var labelDataset = LabelDb.RequireDataset(store, dataset);
        if (labelDataset.Scale.Source == DatasetScale.AitaSource && (settings.Rubric is not null || settings.Scenario is not null))
            throw new CliUsageException($"--rubric and --scenario are for scenario datasets; '{dataset}' is on the AITA scale, scored with the original tool's AITA prompt (data/labeling/sycophancy_scoring.json)");
        var items = store.Items.List(dataset).ToList();
        if (items.Count == 0)
            throw new InputException($"dataset '{dataset}' has no items in {LabelDb.Display(environment, database)} (push some with 'sycobench portal push')");
        var prompt = Prompt(labelDataset, settings, items);

        var console = environment.Console;
        console.MarkupLineInterpolated($"Dataset [bold]{dataset}[/]: {items.Count} items. Instruction: {prompt.Description}.");
        var plan = ConsoleTable.Of(LabelColumn("AI reviewer"), NumberColumn("scored before"), NumberColumn("to score"));
        foreach (var model in roster)
        {
            var done = store.AiReviews.ReviewedItems(dataset, AiReviewers.CodeFor(model.Id)).Count;
            plan.AddRow(Markup.Escape(AiReviewers.CodeFor(model.Id)), InvariantNumber.Count(done), InvariantNumber.Count(items.Count - done));
        }

        console.Write(plan);
        if (settings.DryRun)
        {
            console.WriteLine("Dry run: nothing sent, nothing stored. The system instruction:");
            console.WriteLine(prompt.Instruction);
            return SycoBenchCli.ExitOk;
        }

        services.EnsureKeys(routes);
        var temperature = roster.Select(m => m.Temperature).FirstOrDefault(t => t is not null) ?? RunParameters.DefaultTemperature;
        using var cache = services.OpenCache(!settings.NoCache, settings.CachePath);
        using var clients = services.Clients(routes, cache, retry => environment.Warn(ModelServices.RetryWarning(retry)));
        IReadOnlyList<AiReviewerTally> tallies;
        try
        {
            tallies = await new AiReviewRun(store, clients).RunAsync(new AiReviewRunOptions
            {
                Dataset = dataset,
                Models = roster.Select(m => m.Id).ToArray(),
                Prompt = prompt,
                Concurrency = settings.Concurrency,
                Temperature = (float)temperature,
                MaxTokens = roster.Select(m => m.MaxTokens).FirstOrDefault(t => t is not null),
            }, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            environment.Error.WriteLine("stopped; the reviews stored so far are kept. Run the same command again to continue.");
            return SycoBenchCli.ExitCancelled;
        }

        var result = ConsoleTable.Of(
            LabelColumn("AI reviewer"), NumberColumn("stored now"), NumberColumn("scored before"), NumberColumn("failed calls"),
            NumberColumn("no number"), NumberColumn("from cache"), NumberColumn("cost (USD)"));
        foreach (var t in tallies)
        {
            result.AddRow(Markup.Escape(t.ReviewerCode), InvariantNumber.Count(t.Stored), InvariantNumber.Count(t.AlreadyReviewed), InvariantNumber.Count(t.CallFailures), InvariantNumber.Count(t.Unparsable), InvariantNumber.Count(t.CachedReplies),
                t.CostUsd.ToString("0.0000", CultureInfo.InvariantCulture));
        }

        console.Write(result);
        foreach (var t in tallies)
        {
            foreach (var example in t.FailureExamples)
                environment.Warn($"{t.ReviewerCode}: {example}");
        }

        console.MarkupLineInterpolated($"AI reviews are stored apart from people's in [green]{LabelDb.Display(environment, store.Location)}[/]: never assigned, never counted toward an item's three, never shown to reviewers.");
        var failures = tallies.Sum(t => t.CallFailures + t.Unparsable);
        if (failures == 0)
            return SycoBenchCli.ExitOk;
        environment.Error.WriteLine($"{failures} item(s) have no AI review (failed call or no number in the reply); run the same command again to ask for them only.");
        return SycoBenchCli.ExitFailure;
    }

    private AiReviewPrompt Prompt(LabelDataset dataset, LabelAiSettings settings, List<StoredItem> items)
    {
        if (dataset.Scale.Source == DatasetScale.AitaSource)
        {
            var path = DataFiles.Find(AiReviewPrompt.AitaPromptName, DataFiles.SearchDirectories(environment.WorkingDirectory, "labeling"))
                ?? throw new InputException($"{AiReviewPrompt.AitaPromptName}.json was not found in data/labeling");
            return AiReviewPrompt.Aita(path);
        }

        var scenario = settings.Scenario is { } named
            ? ScenarioCatalog.Load(named, environment.WorkingDirectory)
            : DatasetScenario(dataset) ?? Recognise(items);
        // The reviewers score on the dataset's scale: a rubric for another axis would give numbers that mean something else.
        var axis = DatasetScale.FromScenario(scenario);
        if (!axis.HasSameAnchors(dataset.Scale))
            throw new CliUsageException($"scenario {scenario.Id} is scored {axis.Describe()}, but dataset '{dataset.Name}' is scored {dataset.Scale.Describe()}");
        var rubric = RubricCatalog.Load(settings.Rubric, scenario.Id, environment.WorkingDirectory);
        return AiReviewPrompt.ForScenario(rubric, scenario);
    }

    /// <summary>The scenario the dataset's scale came from, when it can be loaded here.</summary>
    private Scenario? DatasetScenario(LabelDataset dataset)
    {
        try
        {
            return ScenarioCatalog.Load(dataset.Scale.Source, environment.WorkingDirectory);
        }
        catch (InputException)
        {
            return null;
        }
    }

    /// <summary>The scenario whose grid holds the items' prompts (prompt id and factors from their metadata).</summary>
    private Scenario Recognise(List<StoredItem> items)
    {
        var rows = items
            .Select(i => SeedMetadata.From(i.Metadata))
            .Where(m => m is { PromptId: not null, Factors: not null })
            .Select(m => new RunRecord { PromptId = m!.PromptId!, Factors = m.Factors })
            .ToList();
        Scenario? scenario;
        try
        {
            scenario = rows.Count == 0 ? null : ScenarioMatcher.Detect(rows, environment.WorkingDirectory, ScenarioCatalog.DefaultSearchDirectories(environment.WorkingDirectory));
        }
        catch (InputException ex)
        {
            throw new CliUsageException($"the items' scenario is not clear ({ex.Message}); name it with --scenario");
        }

        return scenario ?? throw new CliUsageException("the items' prompts match no scenario (their metadata has no prompt_id and factors of a known grid); name it with --scenario");
    }
}
