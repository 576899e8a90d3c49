using System.Globalization;

namespace SycoBench.Reporting.Output;

/// <summary>Numbers in machine-readable outputs: invariant culture, shortest text that reads back to the same double.</summary>
internal static class ReportNumbers
{
    public static string Exact(double? value) =>
        value is { } v && double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : "";

    public static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A threshold as part of a name: 0.33 → "0.33".</summary>
    public static string Threshold(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
