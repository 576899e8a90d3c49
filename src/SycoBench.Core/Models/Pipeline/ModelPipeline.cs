using Microsoft.Extensions.AI;

namespace SycoBench.Models.Pipeline;

/// <summary>
/// The one place a model's layers are stacked, outermost first: the roster's request settings → response cache →
/// concurrency limit → retries (each attempt first waits for a rate-limit permit — the roster's rpm/tpm, or for a
/// model without rpm the limit its provider announces in response headers — then gets the timeout) → provider
/// call. A new concern (cost
/// accounting, a batch path) is one more <c>Use</c> here. Timeouts, retry waits and latencies take their time from
/// <see cref="PipelineSettings.TimeProvider"/>, so tests run the real layers on a fake clock; only the rpm/tpm buckets
/// refill on the system clock (System.Threading.RateLimiting takes no <see cref="TimeProvider"/>).
/// </summary>
public static class ModelPipeline
{
    /// <summary>Stacks the layers over <paramref name="provider"/>; disposing the result disposes every layer.</summary>
    public static IChatClient Build(
        IChatClient provider, ModelRoute route, PipelineSettings settings, ResponseCache? cache = null, Action<ModelRetry>? onRetry = null,
        AnnouncedRateLimit? announced = null)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(settings);
        var builder = new ChatClientBuilder(provider);
        if (RosterRequestSettings.HasAny(route.Model))
            builder.Use(inner => new ConfigureOptionsChatClient(inner, options => RosterRequestSettings.Apply(route.Model, options)));
        if (cache is not null)
            builder.Use(inner => new ResponseCachingChatClient(inner, route, cache));
        return builder
            .Use(inner => new ConcurrencyLimitingChatClient(inner, route.Model.Concurrency))
            .Use(inner => new ResilientChatClient(
                inner, route.Model.Id, settings, new RequestRateLimiter(route.Model.Rpm, route.Model.Tpm), onRetry, announced))
            .Use(inner => new ProviderCallChatClient(inner, route, settings.TimeProvider))
            .Build();
    }
}
