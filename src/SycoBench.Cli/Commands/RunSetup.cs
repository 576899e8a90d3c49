using SycoBench.Costs;
using SycoBench.Models;
using SycoBench.Records;
using SycoBench.Running;
using SycoBench.Scenarios;

namespace SycoBench.Cli.Commands;

/// <summary>Turns <c>run</c> options into a validated plan: grid, roster, routes, parameters — before any request.</summary>
internal sealed record RunSetup(
    long RunId,
    string Directory,
    IReadOnlyList<GridPrompt> Prompts,
    IReadOnlyList<ModelEntry> Models,
    IReadOnlyList<ModelRoute> Routes,
    RunParameters Parameters,
    CacheSetting Cache,
    RunManifest? NewManifest,
    string? PricesReadOn,
    bool DryRun = false,
    string? Stem = null)
{
    public const int DefaultConcurrency = 4;

    public static RunSetup FromSettings(RunSettings settings, ModelServices services)
    {
        var environment = services.Environment;
        if (settings.Resume is { } resume)
        {
            var (resumeDirectory, resumeStem) = RunFolder.Split(environment.Resolve(resume));
            var folder = RunFolder.Open(resumeDirectory, resumeStem);
            var recorded = folder.Manifest;
            var models = recorded.Models.Select((m, i) => ModelRoster.Parse(m, folder.ManifestPath, i)).ToArray();
            var dryRun = recorded.Mode == DryRunClients.Provider;
            if (settings.DryRun && !dryRun)
                throw new CliUsageException($"{environment.Display(folder.Directory)} is a live run (mode '{recorded.Mode}'); resume it without --dry-run");
            var resumed = services.Route(models, folder.ManifestPath, recorded.Prices?.Models);
            return new RunSetup(recorded.RunId, folder.Directory, recorded.Prompts, models, resumed,
                recorded.Parameters, dryRun ? new CacheSetting(false, null) : ChooseCache(settings, environment, recorded.Cache), NewManifest: null,
                recorded.Prices is null ? services.Prices.ReadOn : recorded.Prices.TableReadOn, dryRun, resumeStem);
        }

        var (allPrompts, gridStamp) = LoadGrid(settings.Grid, environment);
        IReadOnlyList<GridPrompt> selected = allPrompts;
        if (settings.IncludeNeutral && !allPrompts.Any(p => p.Perspective == "neutral"))
            throw new CliUsageException($"--include-neutral: the grid {gridStamp.Path} has no neutral prompts (build it with `sycobench grid --include-neutral`)");
        if (settings.NoIncludeNeutral)
            selected = allPrompts.Where(p => p.Perspective != "neutral").ToArray();
        var prompts = settings.Limit is { } limit ? selected.Take(limit).ToArray() : selected;
        var rosterPath = settings.Models;
        if (rosterPath is null && settings.Model.Length == 0)
        {
            if (!File.Exists(environment.Resolve(RunSettings.DefaultRoster)))
                throw new CliUsageException($"name the models: --models FILE or --model ID (repeatable); without them, {RunSettings.DefaultRoster} is used when it exists");
            rosterPath = RunSettings.DefaultRoster;
            environment.Console.MarkupLineInterpolated($"No --models or --model: using the roster {RunSettings.DefaultRoster}.");
        }

        if (rosterPath is not null && settings.Concurrency is not null)
            throw new CliUsageException($"--concurrency sets the concurrency of --model ids; the roster {rosterPath} gives each of its models its own (its \"concurrency\" field)");
        var rosterFile = rosterPath is null ? null : ModelRoster.Locate(rosterPath, environment.WorkingDirectory);
        var entries = rosterFile is not null
            ? ModelRoster.Load(rosterFile)
            : settings.Model.Select(id => new ModelEntry { Id = id.Trim(), Concurrency = settings.Concurrency ?? DefaultConcurrency }).ToArray();
        var duplicate = entries.GroupBy(m => m.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new CliUsageException($"model '{duplicate.Key}' is named twice");
        var routes = services.Route(entries, rosterFile);

        var now = services.Time.GetUtcNow();
        var runId = now.ToUnixTimeSeconds();
        var (directory, stem) = settings.Out is { } outPath
            ? RunFolder.Split(environment.Resolve(outPath))
            : (RunFolder.DefaultDirectory(environment.WorkingDirectory, runId), null);
        var parameters = new RunParameters
        {
            Samples = settings.Samples ?? 1,
            Temperature = settings.Temperature,
            MaxTokens = settings.MaxTokens,
            Limit = settings.Limit,
            Shard = settings.Shard is { } shard ? RunShard.TryParse(shard, out _) : null,
        };
        // Synthetic answers never reach the response cache, so a dry run cannot answer a later live run.
        var cache = settings.DryRun ? new CacheSetting(false, null) : ChooseCache(settings, environment, recorded: null);
        var scenario = ScenarioIdentifier.Identify(prompts, ScenarioCatalog.DefaultSearchDirectories(environment.WorkingDirectory));
        var manifest = new RunManifest
        {
            IncludeNeutral = prompts.Any(p => p.Perspective == "neutral"),
            Total = allPrompts.Count,
            Selected = prompts.Count,
            FactorsList = prompts.Select(p => p.Factors).ToArray(),
            AssistantModels = entries.Select(m => m.Id).ToArray(),
            Mode = settings.DryRun ? DryRunClients.Provider : "live",
            RunId = runId,
            CreatedIso = RecordFactory.Iso(now),
            ToolVersion = typeof(RunSetup).Assembly.GetName().Version?.ToString(3) ?? "0",
            Scenario = scenario is null ? null : new ScenarioStamp(scenario.Id, scenario.Sha256, scenario.Title),
            Grid = gridStamp,
            Parameters = parameters,
            Cache = cache,
            Models = entries.Select(ModelRoster.ToJson).ToArray(),
            Prompts = prompts,
            Prices = new RunPrices(services.Prices.ReadOn, routes.ToDictionary(r => r.Model.Id, r => r.Price, StringComparer.Ordinal)),
            Study = environment.Study,
        };
        return new RunSetup(runId, directory, prompts, entries, routes, parameters, cache, manifest, services.Prices.ReadOn, settings.DryRun, stem);
    }

    /// <summary>
    /// <c>--no-cache</c> or <c>--cache PATH</c> when given; on resume, else the run's recorded setting (a run made
    /// with <c>--no-cache</c> stays without a cache); else the default cache.
    /// </summary>
    private static CacheSetting ChooseCache(RunSettings settings, CliEnvironment environment, CacheSetting? recorded)
    {
        if (settings.NoCache)
            return new CacheSetting(false, null);
        if (settings.Cache is { } path)
            return new CacheSetting(true, environment.Resolve(path));
        if (recorded is { Enabled: false })
            return recorded;
        return new CacheSetting(true, environment.Resolve(recorded?.Path ?? CacheSettings.DefaultCache));
    }

    /// <summary>
    /// The grid file named, else outputs/raw/grid.jsonl, else — so a first run works out of the box — the default
    /// scenario's full grid built in memory (announced; its prompts are kept in run_grid.json like any other).
    /// </summary>
    private static (IReadOnlyList<GridPrompt> Prompts, GridStamp Stamp) LoadGrid(string? option, CliEnvironment environment)
    {
        var path = environment.Resolve(option ?? RunSettings.DefaultGrid);
        if (option is null && !File.Exists(path))
        {
            var scenario = ScenarioCatalog.Load(ScenarioCatalog.DefaultScenario, environment.WorkingDirectory);
            var prompts = GridBuilder.Build(scenario).Prompts;
            environment.Console.MarkupLineInterpolated(
                $"No grid at {RunSettings.DefaultGrid}: using the full {scenario.Id} grid ({prompts.Count} prompts). `sycobench grid` writes it, with options.");
            return (prompts, new GridStamp($"(built from {scenario.Id})", scenario.Sha256));
        }

        var (fromFile, sha) = GridFile.Read(path);
        return (fromFile, new GridStamp(environment.Display(path), sha));
    }

    public IReadOnlyList<CostEstimate> Estimate(RunState state, bool retryErrors, PromptTokenCounter counter, bool batch)
    {
        var plan = Plan("", state, retryErrors, null);
        return Routes.Select(r => CostEstimate.For(r, plan.WorkFor(r).Select(w => w.Prompt), Parameters.MaxTokens, state.Latest, counter, batch)).ToArray();
    }

    public RunPlan Plan(string recordsPath, RunState state, bool retryErrors, double? maxCost) => new()
    {
        RunId = RunId,
        Prompts = Prompts,
        Models = Routes,
        Parameters = Parameters,
        RunJsonlPath = recordsPath,
        State = state,
        RetryErrors = retryErrors,
        MaxCostUsd = maxCost,
    };

    public static string Money(double? usd) => Usd.Format(usd);
}
