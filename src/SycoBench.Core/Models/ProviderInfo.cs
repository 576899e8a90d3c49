namespace SycoBench.Models;

/// <summary>An OpenAI-compatible API provider from the provider registry (<c>data/providers.json</c>).</summary>
public sealed record ProviderInfo
{
    public required string Name { get; init; }

    public required string Title { get; init; }

    public required string BaseUrl { get; init; }

    /// <summary>An environment variable that, when set, replaces <see cref="BaseUrl"/> (e.g. SIM_BASE_URL).</summary>
    public string? BaseUrlEnv { get; init; }

    /// <summary>The variable holding the API key; null for servers that need none (Ollama, the simulated provider).</summary>
    public string? ApiKeyEnv { get; init; }

    /// <summary>Model-id prefixes routed to this provider (<c>groq/</c>, <c>gemini/</c>, <c>google/gemini</c> …).</summary>
    public required IReadOnlyList<string> Prefixes { get; init; }

    /// <summary>Whether the id's first path segment is removed before the model name is sent (<c>groq/llama…</c> → <c>llama…</c>).</summary>
    public bool StripPrefix { get; init; } = true;

    /// <summary>The provider reports the cost of each call in its response (<c>usage.cost</c>).</summary>
    public bool ReportsCost { get; init; }

    /// <summary>Send the sample index as the request's <c>user</c> field, so a simulated model can vary by sample.</summary>
    public bool SendsSampleHint { get; init; }
}
