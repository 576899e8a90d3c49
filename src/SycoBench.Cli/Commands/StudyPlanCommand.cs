namespace SycoBench.Cli.Commands;

/// <summary>
/// <c>sycobench study plan</c>: checks a study file, shows the four commands it stands for and the run's plan and cost
/// estimate (the display of <c>run --plan</c>; once the run exists, what is left of it and the judges' plan of
/// <c>score --plan</c>). Sends nothing; writes nothing in the study folder.
/// </summary>
public sealed class StudyPlanCommand(CliEnvironment environment) : AsyncCommand<StudySettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, StudySettings settings, CancellationToken cancellationToken)
    {
        var stages = StudyCommands.Open(context, environment, settings);
        var study = stages.Study;
        var console = environment.Console;
        console.MarkupLineInterpolated($"[bold]Study[/] {study.Stamp.Path} (sha256 {study.Stamp.Sha256})");
        if (study.Stamp.Title is { } title)
            console.MarkupLineInterpolated($"  {title}");
        console.MarkupLineInterpolated($"Folder: [green]{environment.Display(stages.Output)}[/]{(File.Exists(stages.Marker) ? " (holds an earlier attempt: study run continues it)" : "")}");
        console.WriteLine("The same as these four commands:");
        var resume = stages.RunStarted;
        foreach (var args in new[] { stages.GridArguments(stages.Grid), stages.RunArguments(stages.Grid, resume, retryErrors: false, plan: false), stages.ScoreArguments(plan: false), stages.ReportArguments() })
            console.WriteLine("  sycobench " + string.Join(' ', args.Select(Show)));

        console.Write(new Rule("plan of the run").LeftJustified());
        var scratch = Path.Combine(Path.GetTempPath(), "sycobench-study-plan-" + Guid.NewGuid().ToString("N"));
        try
        {
            var grid = stages.Grid;
            string? models = null;
            if (!resume)
            {
                Directory.CreateDirectory(scratch);
                if (!File.Exists(grid))
                {
                    // The grid the study would write, made in a scratch folder and removed after.
                    grid = Path.Combine(scratch, StudyStages.GridFile);
                    var quiet = environment with { Console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null) }) };
                    var made = await SycoBenchCli.RunAsync(stages.GridArguments(grid), quiet, cancellationToken);
                    if (made != SycoBenchCli.ExitOk)
                        return made;
                }

                if (study.File.Models is { } inline)
                {
                    models = Path.Combine(scratch, StudyStages.AssistantsFile);
                    AtomicFile.Write(models, stream => StudyRunner.WriteRoster(stream, inline));
                }
            }

            var code = await SycoBenchCli.RunAsync(stages.RunArguments(grid, resume, retryErrors: false, plan: true, models), environment, cancellationToken);
            if (code != SycoBenchCli.ExitOk)
                return code;

            console.Write(new Rule("plan of the judges").LeftJustified());
            if (resume && File.Exists(stages.Records))
                return await SycoBenchCli.RunAsync(stages.ScoreArguments(plan: true), environment, cancellationToken);
            var answers = File.ReadLines(grid).Count(l => l.Length > 0) * (long)(study.File.Samples ?? 1)
                * (study.File.Models?.Count ?? Models.ModelRoster.Load(Models.ModelRoster.Locate(study.File.Roster!, environment.WorkingDirectory)).Count);
            var repeats = study.File.JudgeRepeats ?? 1;
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"score: up to {answers:N0} answer(s) × {study.File.Judges.Count} judge(s) × {repeats} repeat(s) = {answers * study.File.Judges.Count * repeats:N0} judge call(s) ({string.Join(", ", study.File.Judges)}); failed answers are not judged. Once the run exists, study plan shows the judges' own plan."));
            return SycoBenchCli.ExitOk;
        }
        finally
        {
            if (Directory.Exists(scratch))
                Directory.Delete(scratch, recursive: true);
        }
    }

    private string Show(string arg) => Path.IsPathRooted(arg) ? environment.Display(arg) : arg;
}
