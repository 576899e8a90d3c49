using System.Text.Json;
using SycoBench.Studies;

namespace SycoBench.Cli.Commands;

/// <summary>
/// Runs a study's four stages through the command line itself (<c>grid</c>, <c>run</c>, <c>score</c>, <c>report</c>,
/// exactly as typed by hand), each resuming what an earlier, interrupted attempt left: the grid is kept, the run is
/// resumed (no key asked twice), scoring continues where it stopped, the report is written again. Every stage runs
/// with the study's stamp, which goes into run_grid.json, the logs, stats.json and report.html.
/// </summary>
internal static class StudyRunner
{
    public static async Task<int> RunAsync(CliEnvironment environment, StudyStages stages, bool retryErrors, IReadOnlyList<string>? titles, CancellationToken cancellationToken)
    {
        var console = environment.Console;
        var stage = environment with { Study = stages.Study.Stamp };
        Directory.CreateDirectory(stages.Output);
        if (!File.Exists(stages.Marker))
            AtomicFile.Write(stages.Marker, stream => JsonSerializer.Serialize(stream, stages.Study.Stamp, StudyJsonContext.Default.StudyStamp));
        if (stages.Assistants is { } assistants && !File.Exists(assistants))
            AtomicFile.Write(assistants, stream => WriteRoster(stream, stages.Study.File.Models!));

        titles ??= ["1/4 grid", "2/4 run", "3/4 score", "4/4 report"];
        var incomplete = false;
        for (var i = 0; i < 4; i++)
        {
            console.Write(new Rule(titles[i]).LeftJustified());
            string[] args;
            switch (i)
            {
                case 0 when File.Exists(stages.Grid):
                    console.MarkupLineInterpolated($"Grid kept from the earlier attempt: [green]{environment.Display(stages.Grid)}[/].");
                    continue;
                case 0:
                    args = stages.GridArguments(stages.Grid);
                    break;
                case 1:
                    var resume = stages.RunStarted;
                    if (resume)
                        console.MarkupLineInterpolated($"Resuming the run in [green]{environment.Display(stages.RunDirectory)}[/]: keys already answered are not asked again.");
                    args = stages.RunArguments(stages.Grid, resume, retryErrors, plan: false);
                    break;
                case 2:
                    args = stages.ScoreArguments(plan: false);
                    break;
                default:
                    args = [.. stages.ReportArguments(), .. environment.StudyReportArguments];
                    break;
            }

            var code = await SycoBenchCli.RunAsync(args, stage, cancellationToken);
            if (code == SycoBenchCli.ExitIncomplete && i is 1 or 2)
            {
                // Failed keys are kept as records with their error; the later stages report them as such.
                incomplete = true;
                continue;
            }

            if (code != SycoBenchCli.ExitOk)
            {
                environment.Error.WriteLine($"error: the study's step `sycobench {args[0]}` ended with exit code {code}; what was done is kept: run the study again to continue");
                return code is SycoBenchCli.ExitCancelled or SycoBenchCli.ExitUsage ? code : SycoBenchCli.ExitFailure;
            }
        }

        return incomplete ? SycoBenchCli.ExitIncomplete : SycoBenchCli.ExitOk;
    }

    /// <summary>The study's models as a roster file (a JSON array of its entries, as written in the study).</summary>
    public static void WriteRoster(Stream stream, IReadOnlyList<JsonElement> models)
    {
        using var json = new Utf8JsonWriter(stream);
        json.WriteStartArray();
        foreach (var model in models)
            model.WriteTo(json);
        json.WriteEndArray();
    }
}
