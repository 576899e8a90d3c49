namespace SycoBench.Reporting;

/// <summary>The names of the files a report writes besides the summary.</summary>
public static class ReportFiles
{
    public const string StatsJson = "stats.json";
    public const string StatsCsv = "stats.csv";
    public const string Html = "report.html";
    public const string ChartPrefix = "chart-";

    public static readonly IReadOnlyList<string> Reserved = [StatsJson, StatsCsv, Html];
}

/// <summary>A report and the files written for it.</summary>
public sealed record ReportResult(Report Report, string OutputDirectory, string SummaryPath, IReadOnlyList<string> Files);
