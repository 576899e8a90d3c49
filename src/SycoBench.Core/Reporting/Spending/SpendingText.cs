using System.Globalization;

namespace SycoBench.Reporting.Spending;

/// <summary>The cost tables as text, the same for the console and report.html: an unknown is "unknown", never 0.</summary>
public static class SpendingText
{
    /// <summary>The column names; <paramref name="compact"/> (the console) has short names and no cost-source column.</summary>
    public static IReadOnlyList<string> Header(string what, string items, bool compact = false) =>
        compact
            ? [what, items, "requests (failed)", "tokens in", "tokens out", "cost", "per scored", "cached", "batch"]
            : [what, items, "requests (failed)", "input tokens", "output tokens", "cost", "cost per scored answer", "cached", "batch", "cost source"];

    public static IReadOnlyList<string> Row(SpendingLine line, bool compact = false)
    {
        ArgumentNullException.ThrowIfNull(line);
        string[] cells =
        [
            line.Name,
            Count(line.Items),
            line.FailedRequests == 0 ? Count(line.Requests) : $"{Count(line.Requests)} ({Count(line.FailedRequests)})",
            Tokens(line.InputTokens, line),
            Tokens(line.OutputTokens, line),
            line.FormatCost(),
            line.FormatCostPerScored(),
            Share(line.CachedShare),
            Share(line.BatchShare),
            line.Sources.Count == 0 ? "—" : string.Join(", ", line.Sources.Select(s => $"{s.Key} {Count(s.Value)}")),
        ];
        return compact ? cells[..^1] : cells;
    }

    /// <summary>The price table's date, or why there is none.</summary>
    public static string Prices(SpendingReport spending)
    {
        ArgumentNullException.ThrowIfNull(spending);
        return spending.PricesReadOn is { Length: > 0 } date
            ? $"costs priced from the table (cost source \"table\") use the price table read on {date}"
            : "the run does not record the price table's date";
    }

    private static string Tokens(long sum, SpendingLine line) =>
        line.Billed == 0 ? "0"
        : line.WithoutTokens == line.Billed ? "unknown"
        : line.WithoutTokens > 0 ? $"≥ {Count(sum)} ({Count(line.WithoutTokens)} without)"
        : Count(sum);

    private static string Share(double? share) => share is { } s ? s.ToString("0.0%", CultureInfo.InvariantCulture) : "—";

    private static string Count(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}
