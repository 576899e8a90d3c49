using System.Text.Json.Serialization;

namespace SycoBench.Costs;

/// <summary>
/// The prices a run was started with, kept in run_grid.json: the price table's date and each model's price (null:
/// unknown). A resume prices with these, so a run is costed the same way from start to end even if the table changes.
/// </summary>
public sealed record RunPrices(string? TableReadOn, IReadOnlyDictionary<string, PriceQuote?> Models);
