using System.Text.Json;

namespace SycoBench.Models;

/// <summary>
/// The providers SycoBench knows, read from <c>data/providers.json</c>, and the routing rule: a roster entry's
/// <c>base_url</c> makes it a server of its own; else its <c>provider</c> wins; else the longest matching id prefix;
/// else the fallback provider (OpenRouter), which receives the whole id as the model name.
/// </summary>
public sealed class ProviderRegistry
{
    private readonly Dictionary<string, ProviderInfo> _byName;

    public ProviderRegistry(IReadOnlyList<ProviderInfo> providers, string fallback)
    {
        Providers = providers;
        _byName = providers.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        Fallback = _byName.TryGetValue(fallback, out var provider)
            ? provider
            : throw new InputException($"providers: fallback provider '{fallback}' is not registered");
    }

    public IReadOnlyList<ProviderInfo> Providers { get; }

    public ProviderInfo Fallback { get; }

    public static string DefaultPath(string workingDirectory)
    {
        var local = Path.Combine(workingDirectory, "data", "providers.json");
        return File.Exists(local) ? local : Path.Combine(AppContext.BaseDirectory, "data", "providers.json");
    }

    public static ProviderRegistry Load(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            var providers = new List<ProviderInfo>();
            var index = 0;
            foreach (var item in root.GetProperty("providers").EnumerateArray())
            {
                var field = $"providers[{index++}]";
                providers.Add(new ProviderInfo
                {
                    Name = RequiredString(item, "name", path, field),
                    Title = OptionalString(item, "title") ?? RequiredString(item, "name", path, field),
                    BaseUrl = RequiredString(item, "base_url", path, field),
                    BaseUrlEnv = OptionalString(item, "base_url_env"),
                    ApiKeyEnv = OptionalString(item, "api_key_env"),
                    Prefixes = item.TryGetProperty("prefixes", out var prefixes)
                        ? prefixes.EnumerateArray().Select(p => p.GetString()!).ToArray()
                        : [],
                    StripPrefix = !item.TryGetProperty("strip_prefix", out var strip) || strip.GetBoolean(),
                    ReportsCost = item.TryGetProperty("reports_cost", out var cost) && cost.GetBoolean(),
                    SendsSampleHint = item.TryGetProperty("sends_sample_hint", out var hint) && hint.GetBoolean(),
                });
            }

            var fallback = OptionalString(root, "fallback") ?? "openrouter";
            return new ProviderRegistry(providers, fallback);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or IOException)
        {
            throw new InputException($"{path}: not a valid provider registry ({ex.Message})", ex);
        }
    }

    public bool TryGet(string name, out ProviderInfo provider) => _byName.TryGetValue(name, out provider!);

    /// <summary>Routes a model; <paramref name="environment"/> supplies base-URL overrides such as SIM_BASE_URL.</summary>
    public ModelRoute Route(ModelEntry model, Func<string, string?> environment)
    {
        if (model.BaseUrl is { } customUrl)
        {
            TryGet(model.Provider ?? "", out var named);
            return new ModelRoute(model, named, ParseUrl(customUrl, model), model.Model ?? model.Id, model.ApiKeyEnv);
        }

        ProviderInfo provider;
        string? matchedPrefix;
        if (model.Provider is { } name)
        {
            if (!TryGet(name, out provider))
            {
                throw new InputException(
                    $"model '{model.Id}': unknown provider '{name}' (known: {string.Join(", ", Providers.Select(p => p.Name))}; or give a base_url)");
            }

            matchedPrefix = provider.Prefixes.Where(p => model.Id.StartsWith(p, StringComparison.OrdinalIgnoreCase)).MaxBy(p => p.Length);
        }
        else
        {
            (provider, matchedPrefix) = Providers
                .SelectMany(p => p.Prefixes.Select(prefix => (Provider: p, Prefix: prefix)))
                .Where(x => model.Id.StartsWith(x.Prefix, StringComparison.OrdinalIgnoreCase))
                .OrderByDescending(x => x.Prefix.Length)
                .Select(x => (x.Provider, (string?)x.Prefix))
                .FirstOrDefault((Fallback, null));
        }

        var modelName = model.Model
            ?? (matchedPrefix is not null && provider.StripPrefix ? StripFirstSegment(model.Id) : model.Id);
        var baseUrl = provider.BaseUrlEnv is { } variable && environment(variable) is { Length: > 0 } overridden
            ? overridden
            : provider.BaseUrl;
        return new ModelRoute(model, provider, ParseUrl(baseUrl, model), modelName, model.ApiKeyEnv ?? provider.ApiKeyEnv);
    }

    private static string StripFirstSegment(string id)
    {
        var slash = id.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? id : id[(slash + 1)..];
    }

    private static Uri ParseUrl(string url, ModelEntry model) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new InputException($"model '{model.Id}': base URL '{url}' is not an http(s) URL");

    private static string RequiredString(JsonElement item, string name, string path, string field) =>
        OptionalString(item, name) ?? throw new InputException($"{path}: field '{field}.{name}' is missing");

    private static string? OptionalString(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
