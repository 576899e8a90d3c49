using SycoBench.IO;
using SycoBench.Reporting.Aggregation;
using SycoBench.Reporting.Output;
using SycoBench.Scenarios;

namespace SycoBench.Reporting.Summary;

/// <summary>
/// Writes only the SPEC §6 summary CSV of a scored run (what <c>score</c> does after scoring): streams the file once and
/// replaces the CSV atomically. Returns the rows written.
/// </summary>
public static class SummaryWriter
{
    public static IReadOnlyList<ModelSummary> Write(
        string scoredJsonlPath,
        string csvPath,
        Scenario scenario,
        double threshold = ReportOptions.DefaultThreshold,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var reportScenario = new ReportScenario(scenario);
        var thresholds = new Thresholds(threshold);
        var run = RunAggregator.Aggregate(scoredJsonlPath, reportScenario, thresholds, cancellationToken: cancellationToken);
        var rows = run.Models.Select(m => SummaryCalculator.Summarise(m, thresholds)).ToArray();
        var csv = SummaryCsvWriter.ToCsv(rows, reportScenario.PositiveName, reportScenario.NegativeName);
        AtomicFile.Write(csvPath, stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(csv)));
        return rows;
    }

    /// <summary>The summary CSV path of a scored run: beside it, named after it (run_scored.jsonl → run_scored.csv).</summary>
    public static string DefaultPath(string scoredJsonlPath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(scoredJsonlPath)) ?? ".", Path.GetFileNameWithoutExtension(scoredJsonlPath) + ".csv");
}
