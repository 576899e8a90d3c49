namespace SycoBench.Models;

/// <summary>
/// The providers SycoBench knows, read from <c>data/providers.json</c>, and the routing rules (docs/providers.md):
/// a roster entry's <c>base_url</c> makes it a server of its own; else its <c>provider</c> (a name, title or alias)
/// wins; else a bare model alias (<c>llama-3.3-70b</c>); else an id ending a provider claims (<c>:free</c>); else the
/// longest matching prefix or namespace. An id that matches nothing is an error listing the known prefixes: a typo
/// never reaches another provider.
/// </summary>
public sealed class ProviderRegistry
{
    private readonly Dictionary<string, ProviderInfo> _byName;
    private readonly Dictionary<string, ProviderInfo> _byBareAlias;

    public ProviderRegistry(IReadOnlyList<ProviderInfo> providers)
    {
        ArgumentNullException.ThrowIfNull(providers);
        Providers = providers;
        _byName = new Dictionary<string, ProviderInfo>(StringComparer.Ordinal);
        _byBareAlias = new Dictionary<string, ProviderInfo>(StringComparer.OrdinalIgnoreCase);
        foreach (var provider in providers)
        {
            foreach (var name in provider.Names)
                _byName.TryAdd(NormalizeName(name), provider);
            foreach (var alias in provider.Models.Keys.Where(k => !k.Contains('/', StringComparison.Ordinal)))
                _byBareAlias.TryAdd(alias, provider);
        }
    }

    public IReadOnlyList<ProviderInfo> Providers { get; }

    public static string DefaultPath(string workingDirectory)
    {
        var local = Path.Combine(workingDirectory, "data", "providers.json");
        return File.Exists(local) ? local : Path.Combine(AppContext.BaseDirectory, "data", "providers.json");
    }

    public static ProviderRegistry Load(string path)
    {
        DataFileException Error(string field, string problem) => new(path, field, problem);
        return DataFileReader.Deserialize(DataFileReader.ReadBytes(path, Error), DataFileJsonContext.Default.ProviderRegistryJson, Error).Validate(path);
    }

    /// <summary>Provider names compare without case, spaces, '_' or '-': "Google AI Studio" is "google_ai_studio".</summary>
    public static string NormalizeName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return string.Concat(name.Where(char.IsLetterOrDigit)).ToLowerInvariant();
    }

    public bool TryGet(string name, out ProviderInfo provider) => _byName.TryGetValue(NormalizeName(name), out provider!);

    /// <summary>Routes a model; <paramref name="environment"/> supplies base-URL overrides such as OPENAI_BASE_URL.</summary>
    public ModelRoute Route(ModelEntry model, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(environment);
        if (model.BaseUrl is { } customUrl)
        {
            TryGet(model.Provider ?? "", out var named);
            return new ModelRoute(model, named, ParseUrl(customUrl, model), model.Model ?? model.Id, model.ApiKeyEnv);
        }

        ProviderInfo provider;
        string modelName;
        if (model.Provider is { } name)
        {
            if (!TryGet(name, out provider))
            {
                var known = string.Join(", ", Providers.Select(p => $"{p.Name} ({p.Title})"));
                throw new InputException($"model '{model.Id}': unknown provider '{name}' (known: {known}; or give a base_url)");
            }

            modelName = NameAt(provider, model.Id);
        }
        else
        {
            (provider, modelName) = ById(model.Id);
        }

        var baseUrl = environment(provider.BaseUrlEnv) is { Length: > 0 } overridden ? overridden : provider.BaseUrl;
        return new ModelRoute(model, provider, ParseUrl(baseUrl, model), model.Model ?? modelName, model.ApiKeyEnv ?? provider.ApiKeyEnv);
    }

    private (ProviderInfo Provider, string ModelName) ById(string id)
    {
        if (!id.Contains('/', StringComparison.Ordinal) && _byBareAlias.TryGetValue(id, out var aliased))
            return (aliased, aliased.Models[id]);

        var bySuffix = Providers.FirstOrDefault(p => p.Suffixes.Any(s => id.EndsWith(s, StringComparison.OrdinalIgnoreCase)));
        if (bySuffix is not null)
            return (bySuffix, NameAt(bySuffix, id));

        var match = Providers
            .SelectMany(p => p.Prefixes.Select(x => (Provider: p, Prefix: x, Strip: true))
                .Concat(p.Namespaces.Select(x => (Provider: p, Prefix: x, Strip: false))))
            .Where(x => id.StartsWith(x.Prefix, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(x => x.Prefix.Length)
            .FirstOrDefault();
        if (match.Provider is not null)
            return (match.Provider, match.Strip ? NameAt(match.Provider, id) : Alias(match.Provider, id));

        var slash = id.IndexOf('/', StringComparison.Ordinal);
        var what = slash < 0 ? "has no provider prefix" : $"has an unknown prefix '{id[..(slash + 1)]}'";
        throw new InputException($"model '{id}' {what} (known prefixes: {string.Join(", ", KnownPrefixes())}; or set the roster entry's provider or base_url)");
    }

    /// <summary>Every prefix and namespace that routes somewhere, in registry order.</summary>
    public IEnumerable<string> KnownPrefixes() => Providers.SelectMany(p => p.Prefixes.Concat(p.Namespaces));

    /// <summary>The model name <paramref name="provider"/> is sent for <paramref name="id"/>: its prefix removed, then its alias.</summary>
    private static string NameAt(ProviderInfo provider, string id)
    {
        var ownPrefix = provider.Prefixes.Any(p => id.StartsWith(p, StringComparison.OrdinalIgnoreCase));
        return Alias(provider, ownPrefix && provider.StripPrefix ? StripFirstSegment(id) : id);
    }

    private static string Alias(ProviderInfo provider, string name) => provider.Models.TryGetValue(name, out var real) ? real : name;

    private static string StripFirstSegment(string id)
    {
        var slash = id.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? id : id[(slash + 1)..];
    }

    private static Uri ParseUrl(string url, ModelEntry model) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new InputException($"model '{model.Id}': base URL '{url}' is not an http(s) URL");
}
