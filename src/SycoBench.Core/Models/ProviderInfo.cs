namespace SycoBench.Models;

/// <summary>An OpenAI-compatible API provider from the provider registry (<c>data/providers.json</c>), validated.</summary>
public sealed record ProviderInfo
{
    public required string Name { get; init; }

    public required string Title { get; init; }

    /// <summary>Other names a roster's <c>provider</c> may use (the original tool's display names, e.g. "Mistral AI").</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    public required string BaseUrl { get; init; }

    /// <summary>The environment variable that, when set, replaces <see cref="BaseUrl"/> (e.g. OPENAI_BASE_URL).</summary>
    public required string BaseUrlEnv { get; init; }

    /// <summary>The variable holding the API key; null for servers that need none (Ollama, the simulated provider).</summary>
    public string? ApiKeyEnv { get; init; }

    /// <summary>Model-id prefixes routed to this provider (<c>groq/</c>, <c>gemini/</c>, <c>google/gemini</c> …).</summary>
    public required IReadOnlyList<string> Prefixes { get; init; }

    /// <summary>Id prefixes routed here with the whole id as the model name (OpenRouter's vendor namespaces).</summary>
    public IReadOnlyList<string> Namespaces { get; init; } = [];

    /// <summary>Id endings routed here whatever the prefix (OpenRouter's <c>:free</c> variants).</summary>
    public IReadOnlyList<string> Suffixes { get; init; } = [];

    /// <summary>Model-name aliases (case-insensitive) and the provider's model names they stand for.</summary>
    public IReadOnlyDictionary<string, string> Models { get; init; } = new Dictionary<string, string>();

    /// <summary>Whether the id's first path segment is removed before the model name is sent (<c>groq/llama…</c> → <c>llama…</c>).</summary>
    public bool StripPrefix { get; init; } = true;

    /// <summary>The provider reports the cost of each call in its response (<c>usage.cost</c>).</summary>
    public bool ReportsCost { get; init; }

    /// <summary>Send the sample index as the request's <c>user</c> field, so a simulated model can vary by sample.</summary>
    public bool SendsSampleHint { get; init; }

    /// <summary>
    /// The provider speaks the OpenAI-compatible Batch API (<c>POST /files</c>, <c>POST /batches</c>, …) that
    /// <c>run --batch</c> and <c>score --batch</c> use; from <c>batch_api</c> in <c>data/providers.json</c>.
    /// </summary>
    public bool BatchApi { get; init; }

    /// <summary>Every name a roster's <c>provider</c> field may use: the name, the title and the aliases.</summary>
    public IEnumerable<string> Names => new[] { Name, Title }.Concat(Aliases);
}
