namespace SycoBench.Models;

/// <summary>Where the requests of one model go: the resolved provider, endpoint, model name and key variable.</summary>
public sealed record ModelRoute(
    ModelEntry Model,
    ProviderInfo? Provider,
    Uri BaseUrl,
    string ModelName,
    string? ApiKeyEnv)
{
    /// <summary>The provider name recorded in run files when the API does not report one.</summary>
    public string ProviderName => Provider?.Name ?? Model.Provider ?? "custom";

    public bool ReportsCost => Provider?.ReportsCost ?? false;

    /// <summary>The model's price (roster, else price table), or null when unknown; set by the caller that routes.</summary>
    public Costs.PriceQuote? Price { get; init; }

    public bool SendsSampleHint => Provider?.SendsSampleHint ?? false;

    /// <summary>Whether the provider speaks the OpenAI-compatible Batch API (a server without a registry provider does not).</summary>
    public bool HasBatchApi => Provider?.BatchApi ?? false;

    /// <summary>Keyless servers (Ollama, the simulator, a custom base URL without api_key_env) need no key.</summary>
    public bool NeedsKey => ApiKeyEnv is not null;
}
