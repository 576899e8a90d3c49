using System.Globalization;
using SycoBench.Reporting.Paired;

namespace SycoBench.Reporting.Html;

/// <summary>Numbers for people: invariant culture, three decimals, intervals in brackets, small p-values bounded.</summary>
internal static class Show
{
    public static string Number(double? value, int decimals = 3)
    {
        if (value is not { } v || !double.IsFinite(v))
            return "—";
        var text = v.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

        // A tiny negative value rounds to "-0.000", which reads as a sign that is not there.
        return text.TrimStart('-').All(c => c is '0' or '.') ? text.TrimStart('-') : text;
    }

    public static string Estimate(Estimate estimate, int decimals = 3)
    {
        if (estimate.Value is null)
            return "—";
        var value = Number(estimate.Value, decimals);
        return estimate.Low is null || estimate.High is null
            ? value
            : $"{value} [{Number(estimate.Low, decimals)}, {Number(estimate.High, decimals)}]";
    }

    public static string P(double? p) => p switch
    {
        null => "—",
        < 0.0001 => "< 0.0001",
        { } v => v.ToString("0.0000", CultureInfo.InvariantCulture),
    };

    public static string Count(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Share(long part, long whole) =>
        whole == 0 ? "—" : (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    public static string Threshold(double t) => t.ToString("0.###", CultureInfo.InvariantCulture);

    public static string Usd(double amount) => "$" + amount.ToString("0.######", CultureInfo.InvariantCulture);
}
