using SycoBench.Costs;
using SycoBench.Models;
using SycoBench.Models.Pipeline;
using SycoBench.Running;

namespace SycoBench.Cli;

/// <summary>
/// The composition root of every command that calls models (<c>run</c>, <c>score</c>, and through them
/// <c>demo</c>): settings from the environment then <c>.env</c>, the provider registry, routing, the pipeline
/// settings on the environment's clock, the log, the response cache and the per-model pipelines — wired here once.
/// </summary>
internal sealed class ModelServices
{
    private ModelServices(CliEnvironment environment, ApiKeys settings, ProviderRegistry registry, PriceBook prices)
    {
        Environment = environment;
        Settings = settings;
        Registry = registry;
        Prices = prices;
        Pipeline = PipelineSettings.FromEnvironment(settings.Get) with { TimeProvider = environment.Time };
        LogLevel = RunLog.ParseLevel(settings.Get("LOG_LEVEL"));
    }

    public CliEnvironment Environment { get; }

    /// <summary>Keys and tuning (BENCH_TIMEOUT_S, LOG_LEVEL, SIM_BASE_URL …): the environment wins over <c>.env</c>.</summary>
    public ApiKeys Settings { get; }

    public ProviderRegistry Registry { get; }

    /// <summary>The price table (<c>data/prices.json</c>) with the rosters' own prices taking precedence.</summary>
    public PriceBook Prices { get; }

    public PipelineSettings Pipeline { get; }

    public RunLogLevel LogLevel { get; }

    public TimeProvider Time => Environment.Time;

    public static ModelServices Load(CliEnvironment environment) => new(
        environment,
        ApiKeys.FromEnvironment(environment.WorkingDirectory, environment.Variables),
        ProviderRegistry.Load(ProviderRegistry.DefaultPath(environment.WorkingDirectory)),
        PriceBook.Load(PriceBook.DefaultPath(environment.WorkingDirectory)));

    /// <summary>
    /// Routes models the same way for every command; an error names the roster file when there is one. Each route
    /// carries its price: the one <paramref name="recorded"/> in a run folder when given, else the roster's or the
    /// price table's.
    /// </summary>
    public ModelRoute[] Route(IEnumerable<ModelEntry> models, string? rosterPath, IReadOnlyDictionary<string, PriceQuote?>? recorded = null)
    {
        try
        {
            return models.Select(m => Registry.Route(m, Settings.Get))
                .Select(r => r with { Price = recorded is not null && recorded.TryGetValue(r.Model.Id, out var quote) ? quote : Prices.Quote(r) })
                .ToArray();
        }
        catch (InputException ex) when (rosterPath is not null)
        {
            throw new InputException($"{rosterPath}: {ex.Message}", ex);
        }
    }

    /// <summary>Stops before anything is sent when a model's key is missing, naming each variable to set.</summary>
    public void EnsureKeys(IEnumerable<ModelRoute> routes) => ModelClientProvider.EnsureKeys(routes, Settings);

    /// <summary>A log at LOG_LEVEL on the environment's clock; a null path logs nowhere.</summary>
    public RunLog OpenLog(string? path) => new(path, LogLevel, Time);

    /// <summary>The response cache at <paramref name="path"/> (resolved against the working directory), or none.</summary>
    public ResponseCache? OpenCache(bool enabled, string path) => enabled ? new ResponseCache(Environment.Resolve(path), Time) : null;

    /// <summary>One pipeline per model, built on first use and shared by every caller.</summary>
    public ModelClientProvider Clients(
        IEnumerable<ModelRoute> routes, ResponseCache? cache, Action<ModelRetry>? onRetry, Action<ModelRateLimitWait>? onRateLimitWait = null) =>
        new(routes, Settings, Pipeline, cache, onRetry, onRateLimitWait);

    /// <summary>The warning of a retried model call, e.g. "retry 2 of judge sim/judge: 503; waiting 1.5 s" (seconds in the invariant culture).</summary>
    public static string RetryWarning(ModelRetry retry, string? role = null) =>
        $"retry {retry.Attempt} of {(role is null ? "" : role + " ")}{retry.ModelId}: {retry.Reason}; waiting {retry.Delay.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s";
}
