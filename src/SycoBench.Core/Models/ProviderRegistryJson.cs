using System.Text.RegularExpressions;
namespace SycoBench.Models;

/// <summary><c>data/providers.json</c> as written, read by <see cref="DataFileJsonContext"/>.</summary>
public sealed record ProviderRegistryJson
{
    public required IReadOnlyList<ProviderJson> Providers { get; init; }

    /// <summary>Checks every provider, then what must be unique across them: names, prefixes, bare model aliases.</summary>
    public ProviderRegistry Validate(string file)
    {
        if (Providers.Count == 0)
            throw new DataFileException(file, "providers", "lists no provider");
        var providers = Providers.Select((p, i) => p.Validate(file, DataFileException.Item("providers", i))).ToArray();

        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        var prefixes = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var models = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < providers.Length; i++)
        {
            var field = DataFileException.Item("providers", i);
            foreach (var name in providers[i].Names)
                Claim(names, ProviderRegistry.NormalizeName(name), i, file, field, $"the name '{name}'");
            foreach (var prefix in providers[i].Prefixes.Concat(providers[i].Namespaces))
                Claim(prefixes, prefix, i, file, field, $"the prefix '{prefix}'");
            foreach (var alias in providers[i].Models.Keys.Where(k => !k.Contains('/', StringComparison.Ordinal)))
                Claim(models, alias, i, file, DataFileException.Member(field, "models"), $"the bare model alias '{alias}'");
        }

        return new ProviderRegistry(providers);
    }

    private static void Claim(Dictionary<string, int> claimed, string key, int index, string file, string field, string what)
    {
        if (claimed.TryGetValue(key, out var other) && other != index)
            throw new DataFileException(file, field, $"{what} is already claimed by providers[{other}]");
        claimed[key] = index;
    }
}

/// <summary>One provider of <c>data/providers.json</c> as written.</summary>
public sealed partial record ProviderJson
{
    public required string Name { get; init; }

    public required string Title { get; init; }

    /// <summary>Other names a roster's <c>provider</c> field may use for it (the original tool's display names).</summary>
    public IReadOnlyList<string>? Aliases { get; init; }

    public required string BaseUrl { get; init; }

    /// <summary>The variable that replaces <see cref="BaseUrl"/>; default <c>&lt;NAME&gt;_BASE_URL</c>.</summary>
    public string? BaseUrlEnv { get; init; }

    public string? ApiKeyEnv { get; init; }

    /// <summary>Id prefixes that route here and are removed from the model name (when <see cref="StripPrefix"/>).</summary>
    public IReadOnlyList<string>? Prefixes { get; init; }

    /// <summary>Id prefixes that route here with the whole id as the model name (OpenRouter's <c>deepseek/</c> …).</summary>
    public IReadOnlyList<string>? Namespaces { get; init; }

    /// <summary>Id endings that route here whatever the prefix (OpenRouter's <c>:free</c>).</summary>
    public IReadOnlyList<string>? Suffixes { get; init; }

    /// <summary>Model-name aliases: the original tool's short names and the provider's names for them.</summary>
    public IReadOnlyDictionary<string, string>? Models { get; init; }

    /// <summary>Default true. (Optional members are nullable: the generated reader sets every init-only member.)</summary>
    public bool? StripPrefix { get; init; }

    public bool? ReportsCost { get; init; }

    public bool? SendsSampleHint { get; init; }

    /// <summary>The provider speaks the OpenAI-compatible Batch API (<c>/files</c>, <c>/batches</c>).</summary>
    public bool? BatchApi { get; init; }

    public ProviderInfo Validate(string file, string field)
    {
        DataFileException Problem(string member, string problem) => new(file, DataFileException.Member(field, member), problem);

        if (!NamePattern().IsMatch(Name))
            throw Problem("name", $"'{Name}' must be lowercase letters, digits, '_' or '-'");
        if (Title.Trim().Length == 0)
            throw Problem("title", "must not be empty");
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw Problem("base_url", $"'{BaseUrl}' is not an http(s) URL");
        foreach (var (member, variable) in new[] { ("base_url_env", BaseUrlEnv), ("api_key_env", ApiKeyEnv) })
        {
            if (variable is not null && !VariablePattern().IsMatch(variable))
                throw Problem(member, $"'{variable}' is not an environment variable name");
        }

        var models = Models ?? new Dictionary<string, string>();
        foreach (var (member, values) in new[] { ("aliases", Aliases ?? []), ("prefixes", Prefixes ?? []), ("namespaces", Namespaces ?? []), ("suffixes", Suffixes ?? []) })
        {
            for (var i = 0; i < values.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(values[i]))
                    throw Problem(DataFileException.Item(member, i), "must not be empty");
            }
        }

        var emptyAlias = models.FirstOrDefault(m => string.IsNullOrWhiteSpace(m.Key) || string.IsNullOrWhiteSpace(m.Value));
        if (emptyAlias.Key is not null)
            throw Problem($"models.{emptyAlias.Key}", "aliases and model names must not be empty");

        return new ProviderInfo
        {
            Name = Name,
            Title = Title.Trim(),
            Aliases = Aliases ?? [],
            BaseUrl = BaseUrl,
            BaseUrlEnv = BaseUrlEnv ?? DefaultBaseUrlEnv(Name),
            ApiKeyEnv = ApiKeyEnv,
            Prefixes = Prefixes ?? [],
            Namespaces = Namespaces ?? [],
            Suffixes = Suffixes ?? [],
            Models = new Dictionary<string, string>(models, StringComparer.OrdinalIgnoreCase),
            StripPrefix = StripPrefix ?? true,
            ReportsCost = ReportsCost ?? false,
            SendsSampleHint = SendsSampleHint ?? false,
            BatchApi = BatchApi ?? false,
        };
    }

    /// <summary><c>openrouter</c> → <c>OPENROUTER_BASE_URL</c>, as the OpenAI SDKs' users expect.</summary>
    public static string DefaultBaseUrlEnv(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.ToUpperInvariant().Replace('-', '_') + "_BASE_URL";
    }

    [GeneratedRegex("^[a-z0-9_-]+$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex VariablePattern();
}
