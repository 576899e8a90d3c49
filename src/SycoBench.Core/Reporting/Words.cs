using System.Globalization;

namespace SycoBench.Reporting;

/// <summary>Counted nouns for the report's sentences: "1 line", "2 lines".</summary>
internal static class Words
{
    public static string Count(long count, string singular, string? plural = null) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : plural ?? singular + "s");
}
