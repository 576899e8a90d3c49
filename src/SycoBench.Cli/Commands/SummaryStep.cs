using SycoBench.Reporting;
using SycoBench.Reporting.Summary;

namespace SycoBench.Cli.Commands;

/// <summary>The summary written after scoring (SPEC §6, <c>&lt;output stem&gt;.csv</c>), unless <c>--no-aggregate</c>.</summary>
internal static class SummaryStep
{
    public static void Write(CliEnvironment environment, string scoredPath, string? scenarioOption)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var resolved = ReportScenarioResolver.Resolve(scenarioOption, scoredPath, environment.WorkingDirectory);
        foreach (var warning in resolved.Warnings)
            environment.Warn(warning);
        var csv = SummaryWriter.DefaultPath(scoredPath);
        var rows = SummaryWriter.Write(scoredPath, csv, resolved.Scenario);
        environment.Console.MarkupLineInterpolated(
            $"Summary of {rows.Count} model(s): [green]{environment.Display(csv)}[/] (paired statistics and charts: sycobench report --input {environment.Display(scoredPath)})");
    }
}
