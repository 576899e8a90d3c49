using System.Text.Json.Serialization;

namespace SycoBench.Costs;

/// <summary>
/// <c>data/prices.json</c>: per provider, the price of each listed model and the date the prices were read. A model
/// the table does not list has an unknown price (never 0); a provider marked <c>free</c> (a local server) costs 0 for
/// every model, and model names ending in the provider's <c>free_suffix</c> (OpenRouter's <c>:free</c>) cost 0.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record PriceTable
{
    /// <summary>The day the prices were read from the providers' price pages (yyyy-MM-dd).</summary>
    public required string ReadOn { get; init; }

    public required string Currency { get; init; }

    public string? Notes { get; init; }

    public required Dictionary<string, ProviderPrices> Providers { get; init; }
}

/// <summary>One provider's entry of the price table.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ProviderPrices
{
    /// <summary>Where the prices were read.</summary>
    public string? Source { get; init; }

    /// <summary>Every model of this provider costs nothing (a server on the user's own machine).</summary>
    public bool Free { get; init; }

    /// <summary>Model names ending in this suffix cost nothing (OpenRouter's <c>:free</c> variants).</summary>
    public string? FreeSuffix { get; init; }

    /// <summary>Prices by the model name sent to the provider (<c>llama-3.3-70b-versatile</c>, not <c>groq/…</c>).</summary>
    public Dictionary<string, ModelPrice>? Models { get; init; }
}
