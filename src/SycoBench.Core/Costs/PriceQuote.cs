using System.Text.Json.Serialization;

namespace SycoBench.Costs;

/// <summary>A model's price and where it came from: <c>roster</c> (its own <c>prices</c>) or <c>table</c> (data/prices.json).</summary>
public sealed record PriceQuote(string Source, ModelPrice Price)
{
    public const string Roster = "roster";
    public const string Table = "table";
}
