using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Concurrent;
using Microsoft.Extensions.AI;
using OpenAI;
using SycoBench.Models.Pipeline;

namespace SycoBench.Models;

/// <summary>
/// Builds each model's pipeline once, on first use, and hands the same one to every caller: the layers of
/// <see cref="ModelPipeline"/> over an OpenAI-compatible client (Microsoft.Extensions.AI over the OpenAI SDK, with the
/// SDK's own retries switched off).
/// </summary>
public sealed class ModelClientProvider : IModelClientProvider, IDisposable
{
    private const string NoKey = "sk-no-key-required";
    private readonly Dictionary<string, ModelRoute> _routes;
    private readonly ApiKeys _keys;
    private readonly PipelineSettings _settings;
    private readonly ResponseCache? _cache;
    private readonly Action<ModelRetry>? _onRetry;
    private readonly Action<ModelRateLimitWait>? _onRateLimitWait;
    private readonly HttpClient _http;
    private readonly ConcurrentDictionary<string, Lazy<IChatClient>> _clients = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<IDisposable> _owned = [];

    public ModelClientProvider(
        IEnumerable<ModelRoute> routes,
        ApiKeys keys,
        PipelineSettings settings,
        ResponseCache? cache = null,
        Action<ModelRetry>? onRetry = null,
        Action<ModelRateLimitWait>? onRateLimitWait = null)
    {
        _routes = routes.ToDictionary(r => r.Model.Id, StringComparer.Ordinal);
        _keys = keys;
        _settings = settings;
        _cache = cache;
        _onRetry = onRetry;
        _onRateLimitWait = onRateLimitWait;
        _http = new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxConnectionsPerServer = int.MaxValue,
            EnableMultipleHttp2Connections = true,
        })
        {
            // Polly owns timeouts (per attempt); the HTTP client must not cut a call short on its own.
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
    }

    public IReadOnlyCollection<ModelRoute> Routes => _routes.Values;

    public ModelRoute Route(string modelId) =>
        _routes.TryGetValue(modelId, out var route) ? route : throw new InputException($"model '{modelId}' is not in the roster");

    /// <summary>Fails with one message naming each model's key variable that is needed and not set.</summary>
    public static void EnsureKeys(IEnumerable<ModelRoute> routes, ApiKeys keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var missing = routes
            .Where(r => r.NeedsKey && keys.Get(r.ApiKeyEnv!) is null)
            .Select(r => $"{r.Model.Id} needs {r.ApiKeyEnv}")
            .ToArray();
        if (missing.Length > 0)
            throw new InputException($"missing API key: {string.Join("; ", missing)} (set it in the environment or in .env)");
    }

    public IChatClient GetClient(string modelId)
    {
        var route = Route(modelId);
        return _clients.GetOrAdd(modelId, _ => new Lazy<IChatClient>(() => Build(route))).Value;
    }

    private IChatClient Build(ModelRoute route)
    {
        var key = route.NeedsKey
            ? _keys.Get(route.ApiKeyEnv!) ?? throw new InputException($"model '{route.Model.Id}': set {route.ApiKeyEnv} (in the environment or in .env)")
            : NoKey;
        var options = new OpenAIClientOptions
        {
            Endpoint = route.BaseUrl,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = _settings.Timeout + TimeSpan.FromSeconds(30),
            Transport = new HttpClientPipelineTransport(_http),
            UserAgentApplicationId = "sycobench",
        };
        // A model with an rpm in its roster is paced by it; any other by what its provider announces.
        var announced = route.Model.Rpm is null ? new AnnouncedRateLimit(route.Model.Id, _settings.TimeProvider, _onRateLimitWait) : null;
        if (announced is not null)
            options.AddPolicy(new AnnouncedRateLimitPolicy(announced), PipelinePosition.PerTry);
        var provider = new OpenAIClient(new ApiKeyCredential(key), options)
            .GetChatClient(route.ModelName)
            .AsIChatClient();

        var client = ModelPipeline.Build(provider, route, _settings, _cache, _onRetry, announced);
        _owned.Add(client);
        return client;
    }

    public void Dispose()
    {
        foreach (var owned in _owned)
            owned.Dispose();
        _http.Dispose();
    }
}
