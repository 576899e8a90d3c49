using SycoBench.Models;
using SycoBench.Models.Batch;
using SycoBench.Running;

namespace SycoBench.Cli.Commands;

/// <summary><c>run --batch</c> and <c>score --batch</c>: which providers can take it, its clients and how often it polls.</summary>
internal static class BatchMode
{
    public const double DefaultPollSeconds = 30;

    public const string PollVariable = "BENCH_BATCH_POLL_S";

    /// <summary>Refuses, by name and before any request, every model whose provider has no Batch API.</summary>
    public static void EnsureSupported(IEnumerable<ModelRoute> routes, string what = "model")
    {
        var refused = routes.Where(r => !r.HasBatchApi).Select(r => $"{r.Model.Id} ({r.ProviderName})").ToArray();
        if (refused.Length > 0)
        {
            throw new CliUsageException(
                $"--batch: no Batch API for {what} {string.Join(", ", refused)}; the providers with one have \"batch_api\": true in data/providers.json (OpenAI, Groq, the simulator); run these without --batch");
        }
    }

    /// <summary>Warns of models whose price has no batch price: their answers are priced at the interactive price, an upper bound.</summary>
    public static void WarnUnpricedBatch(CliEnvironment environment, IEnumerable<ModelRoute> routes)
    {
        foreach (var route in routes.Where(r => r.Price is { } quote && !quote.Price.HasBatchPrice && quote.Price.Cost(1, 1) > 0))
            environment.Warn($"{route.Model.Id}: its price has no batch price; batch answers are priced at the interactive price (an upper bound), cost_source '{route.Price!.Source}'");
    }

    /// <summary>One session per model: its Batch API at the route's base URL with the route's key.</summary>
    public static Func<ModelRoute, BatchSession> Sessions(HttpClient http, ModelServices services, BatchJournal journal, RunLog log)
    {
        var poll = PollInterval(services.Settings.Get);
        return route => new BatchSession(
            new BatchApiClient(http, route.BaseUrl, route.NeedsKey ? services.Settings.Get(route.ApiKeyEnv!) : null),
            journal, route, log, services.Time, poll);
    }

    /// <summary>BENCH_BATCH_POLL_S: seconds between status requests (default 30).</summary>
    public static TimeSpan PollInterval(Func<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var text = settings(PollVariable);
        if (string.IsNullOrEmpty(text))
            return TimeSpan.FromSeconds(DefaultPollSeconds);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && double.IsFinite(seconds)
            ? TimeSpan.FromSeconds(seconds)
            : throw new InputException($"{PollVariable} must be a positive number of seconds, not '{text}'");
    }
}
