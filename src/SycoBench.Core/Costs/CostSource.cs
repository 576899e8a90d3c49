namespace SycoBench.Costs;

/// <summary>
/// Where a record's cost came from (<c>cost_source</c>): the provider's own figure, or tokens × a price from the
/// roster or the price table. <see cref="Unknown"/> when neither exists: the cost is null, never 0.
/// </summary>
public static class CostSource
{
    public const string Provider = "provider";
    public const string Roster = PriceQuote.Roster;
    public const string Table = PriceQuote.Table;
    public const string Unknown = "unknown";

    /// <summary>Tokens × the batch price of the roster or the price table: an answer received through a Batch API.</summary>
    public const string BatchPrice = "batch-price";
}
