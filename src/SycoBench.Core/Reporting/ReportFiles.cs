namespace SycoBench.Reporting;

/// <summary>The names of the files a report writes besides the summary.</summary>
public static class ReportFiles
{
    public const string StatsJson = "stats.json";
    public const string StatsCsv = "stats.csv";
    public const string Html = "report.html";

    /// <summary>Every answer of the run, triplet by triplet, with filters (see Reporting/Transcripts).</summary>
    public const string Transcripts = "transcripts.html";
    public const string ChartPrefix = "chart-";

    public static readonly IReadOnlyList<string> Reserved = [StatsJson, StatsCsv, Html, Transcripts];
}

/// <summary>A report and the files written for it.</summary>
public sealed record ReportResult(Report Report, string OutputDirectory, string SummaryPath, IReadOnlyList<string> Files);
