using System.Globalization;

namespace SycoBench.Costs;

/// <summary>The one way SycoBench writes an amount of money for people: "12.40 USD", "0.000123 USD" (six decimals below a dollar), or "unknown".</summary>
public static class Usd
{
    public const string Unknown = "unknown";

    public static string Format(double? usd) =>
        usd is { } value ? value.ToString(value != 0 && Math.Abs(value) < 1 ? "0.######" : "0.00", CultureInfo.InvariantCulture) + " USD" : Unknown;

    /// <summary>A total that may lack some parts: "1.20 USD", "unknown", or "≥ 1.20 USD (3 answers of unknown cost)".</summary>
    public static string Format(CostTotal total) =>
        total.UnknownCount == 0 ? Format(total.Known)
        : total.KnownCount == 0 ? Unknown
        : $"≥ {Format(total.Known)} ({total.UnknownCount.ToString(CultureInfo.InvariantCulture)} of unknown cost)";
}
