using System.Text.Json;
using SycoBench.Studies;

namespace SycoBench.Cli.Commands;

/// <summary>
/// <c>sycobench study run</c>: a study file's grid → run → score → report in its own folder. Run again, it continues
/// where it stopped. The folder must be new, empty, or hold this same study: a folder of another study, of a changed
/// study file or of another tool is refused.
/// </summary>
public sealed class StudyRunCommand(CliEnvironment environment) : AsyncCommand<StudyRunSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, StudyRunSettings settings, CancellationToken cancellationToken)
    {
        var stages = StudyCommands.Open(context, environment, settings);
        var study = stages.Study;
        CheckFolder(stages, settings.Out is null ? "output" : "--out");

        var console = environment.Console;
        console.MarkupLineInterpolated($"[bold]Study[/] {study.Stamp.Path} (sha256 {study.Stamp.Sha256[..12]}){(study.Stamp.Title is { } title ? ": " + title : "")}");
        console.MarkupLineInterpolated($"Folder: [green]{environment.Display(stages.Output)}[/]");
        var code = await StudyRunner.RunAsync(environment, stages, settings.RetryErrors, titles: null, cancellationToken);
        if (code is not (SycoBenchCli.ExitOk or SycoBenchCli.ExitIncomplete))
            return code;

        console.Write(new Rule("done").LeftJustified());
        console.MarkupLineInterpolated($"Report: [green]{environment.Display(Path.Combine(stages.ReportDirectory, "report.html"))}[/]; every output carries the study's sha256 {study.Stamp.Sha256}.");
        if (code == SycoBenchCli.ExitIncomplete)
            environment.Warn($"some keys have a failed record (kept with their error); ask them again with: sycobench study run {settings.Study} --retry-errors");
        return code;
    }

    /// <summary>
    /// The study folder is new or empty, or it holds this study (same file hash) from an earlier attempt; anything else
    /// is refused before a file is written, and the study file is never one of the outputs.
    /// </summary>
    private void CheckFolder(StudyStages stages, string option)
    {
        new OutputGuard(environment)
            .Input("study", Path.GetFullPath(stages.Study.Stamp.Path, environment.WorkingDirectory))
            .Folder(option, stages.Output, [StudyStages.MarkerFile, StudyStages.GridFile, StudyStages.AssistantsFile]);
        var folder = environment.Display(stages.Output);
        if (File.Exists(stages.Marker))
        {
            StudyStamp? recorded;
            try
            {
                recorded = JsonSerializer.Deserialize(File.ReadAllBytes(stages.Marker), StudyJsonContext.Default.StudyStamp);
            }
            catch (JsonException ex)
            {
                throw new CliUsageException($"{option} {folder}: {StudyStages.MarkerFile} cannot be read ({ex.Message.Split('\n')[0]}); choose another folder");
            }

            if (recorded is null || !string.Equals(recorded.Sha256, stages.Study.Stamp.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                throw new CliUsageException(
                    $"{option} {folder} holds the study {recorded?.Path} (sha256 {recorded?.Sha256[..12]}), but {stages.Study.Stamp.Path} is now sha256 {stages.Study.Stamp.Sha256[..12]}: "
                    + "continuing would mix two studies in one folder; choose another folder (--out), or restore the file");
            }

            return;
        }

        if (Directory.Exists(stages.Output) && Directory.EnumerateFileSystemEntries(stages.Output).Any())
            throw new CliUsageException($"{option} {folder} is not empty and holds no study: refusing to write into a folder another tool made; choose another folder");
    }
}
