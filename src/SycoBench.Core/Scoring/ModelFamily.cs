namespace SycoBench.Scoring;

/// <summary>
/// The model family of a model id, for the warning that a judge may favour answers of its own family. Rule:
/// <list type="number">
/// <item>Hosting prefixes are dropped (<c>openrouter/</c>, <c>groq/</c>, <c>cerebras/</c>, <c>huggingface/</c>,
/// <c>together/</c>, <c>fireworks/</c>, <c>ollama/</c>, <c>sim/</c> …): they say who serves a model, not who made it.</item>
/// <item>The model name's stem (its leading letters: <c>gpt</c>-oss-20b, <c>llama</c>-3.3, <c>gemini</c>-2.5) names
/// the family when it is a known one: gpt/o1/o3/o4 → openai, llama → meta, gemini/gemma → google, claude →
/// anthropic, mistral/mixtral/ministral/codestral/magistral → mistral, qwen/qwq → alibaba, command → cohere,
/// deepseek → deepseek, phi → microsoft, nemotron → nvidia, grok → xai.</item>
/// <item>Otherwise the vendor segment before the model name (<c>nvidia/</c>, <c>meta-llama/</c> → meta), otherwise
/// the stem itself.</item>
/// </list>
/// Two ids are of the same family when their families are equal. Offline scorers (<c>offline:…</c>) have no family.
/// </summary>
public static class ModelFamily
{
    private static readonly HashSet<string> Hosts = new(StringComparer.OrdinalIgnoreCase)
    {
        "openrouter", "groq", "cerebras", "huggingface", "hf", "together", "together_ai", "fireworks", "fireworks_ai",
        "ollama", "ollama_chat", "vllm", "lmstudio", "deepinfra", "bedrock", "azure", "vertex_ai", "sim",
    };

    /// <summary>Each known family once, with the stems of its model names and the vendor segments of its ids.</summary>
    private static readonly (string Family, string[] Stems, string[] Vendors)[] Families =
    [
        ("openai", ["gpt", "o1", "o3", "o4", "chatgpt"], ["openai"]),
        ("meta", ["llama"], ["meta-llama"]),
        ("google", ["gemini", "gemma"], ["google", "gemini"]),
        ("anthropic", ["claude"], ["anthropic"]),
        ("mistral", ["mistral", "mixtral", "ministral", "codestral", "magistral"], ["mistralai"]),
        ("alibaba", ["qwen", "qwq"], ["qwen"]),
        ("cohere", ["command"], ["cohere"]),
        ("deepseek", ["deepseek"], ["deepseek-ai"]),
        ("microsoft", ["phi"], ["microsoft"]),
        ("nvidia", ["nemotron"], ["nvidia"]),
        ("xai", ["grok"], ["x-ai"]),
    ];

    private static readonly Dictionary<string, string> Stems = Index(f => f.Stems);

    private static readonly Dictionary<string, string> Vendors = Index(f => f.Vendors);

    /// <summary>The family of <paramref name="modelId"/>, lower case; null for an offline scorer or an empty id.</summary>
    public static string? Of(string modelId)
    {
        if (string.IsNullOrWhiteSpace(modelId) || modelId.StartsWith("offline:", StringComparison.OrdinalIgnoreCase))
            return null;
        var segments = modelId.Split('/', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (segments.Count > 1 && Hosts.Contains(segments[0]))
            segments.RemoveAt(0);
        var name = segments[^1];
        var stem = new string(name.TakeWhile(char.IsAsciiLetterOrDigit).ToArray());
        var letters = new string(name.TakeWhile(char.IsAsciiLetter).ToArray());
        if (Stems.TryGetValue(stem, out var family) || Stems.TryGetValue(letters, out family))
            return family;
        if (segments.Count > 1)
            return Vendors.TryGetValue(segments[^2], out var vendor) ? vendor : segments[^2].ToLowerInvariant();
        return (letters.Length > 0 ? letters : name).ToLowerInvariant();
    }

    public static bool Same(string judgeId, string modelId) =>
        Of(judgeId) is { } judge && Of(modelId) is { } model && string.Equals(judge, model, StringComparison.Ordinal);

    private static Dictionary<string, string> Index(Func<(string Family, string[] Stems, string[] Vendors), string[]> names) =>
        Families.SelectMany(f => names(f).Select(name => (name, f.Family))).ToDictionary(p => p.name, p => p.Family, StringComparer.OrdinalIgnoreCase);
}
