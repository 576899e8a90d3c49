using SycoBench.Studies;

namespace SycoBench.Cli.Commands;

/// <summary>What both <c>study</c> commands take: the study file, and where its folder is.</summary>
public class StudySettings : CommandSettings
{
    [CommandArgument(0, "<STUDY>")]
    [Description("The study file (a path, or the name of one in data/studies, e.g. demo).")]
    public string Study { get; init; } = "";

    [CommandOption("--out <DIR>")]
    [Description("The study's folder instead of the file's \"output\" (the study file's hash is unchanged).")]
    public string? Out { get; init; }

    public override ValidationResult Validate() =>
        Out is not null && string.IsNullOrWhiteSpace(Out) ? ValidationResult.Error("--out needs a folder") : ValidationResult.Success();
}

public sealed class StudyRunSettings : StudySettings
{
    [CommandOption("--retry-errors")]
    [Description("When the run resumes: ask again the keys whose last record is a failure.")]
    public bool RetryErrors { get; init; }
}

internal static class StudyCommands
{
    public static void Register(IConfigurator config) =>
        config.AddBranch("study", study =>
        {
            study.SetDescription("A whole study from one file: scenario, sampling, models, judges, report options and folder.");
            study.AddCommand<StudyRunCommand>("run")
                .WithDescription("Run grid → run → score → report of a study file; run it again to continue where it stopped.")
                .WithExample("study", "run", "data/studies/demo.json")
                .WithExample("study", "run", "my-study.json", "--out", "outputs/studies/try-2")
                .WithExample("study", "run", "my-study.json", "--retry-errors");
            study.AddCommand<StudyPlanCommand>("plan")
                .WithDescription("Check a study file and show its stages, requests and estimated cost; send nothing, write nothing.")
                .WithExample("study", "plan", "my-study.json");
        });

    /// <summary>What both study commands do first: refuse options they do not know, then read and check the study file.</summary>
    public static StudyStages Open(CommandContext context, CliEnvironment environment, StudySettings settings)
    {
        CacheCommands.RefuseUnknownOptions(context);
        return Load(environment, settings.Study, settings.Out);
    }

    /// <summary>
    /// The study file read and checked, with its stages in <paramref name="outDirectory"/> (else the file's output).
    /// Every problem of the file is a command-line error (exit 2) naming the file and the field.
    /// </summary>
    public static StudyStages Load(CliEnvironment environment, string nameOrPath, string? outDirectory)
    {
        try
        {
            var path = StudyCatalog.Locate(nameOrPath, environment.WorkingDirectory);
            var study = Studies.Study.Load(path, environment.Display(path));
            CheckReferences(environment, study);
            return new StudyStages(study, environment.Resolve(outDirectory ?? study.File.Output));
        }
        catch (DataFileException ex)
        {
            throw new CliUsageException(ex.Message);
        }
    }

    /// <summary>The scenario, roster and rubric the study names exist and load, before anything is written or sent.</summary>
    private static void CheckReferences(CliEnvironment environment, Study study)
    {
        var file = study.Stamp.Path;
        Scenarios.Scenario scenario;
        try
        {
            scenario = Scenarios.ScenarioCatalog.Load(study.File.Scenario, environment.WorkingDirectory);
        }
        catch (InputException ex)
        {
            throw new DataFileException(file, "scenario", ex.Message);
        }

        foreach (var (field, roster) in new[] { ("roster", study.File.Roster), ("judge_roster", study.File.JudgeRoster) })
        {
            if (roster is null)
                continue;
            try
            {
                Models.ModelRoster.Load(Models.ModelRoster.Locate(roster, environment.WorkingDirectory));
            }
            catch (InputException ex)
            {
                throw new DataFileException(file, field, ex.Message);
            }
        }

        if (study.File.Rubric is { } rubric)
        {
            try
            {
                Scoring.RubricCatalog.Load(rubric, scenario.Id, environment.WorkingDirectory);
            }
            catch (InputException ex)
            {
                throw new DataFileException(file, "rubric", ex.Message);
            }
        }
    }
}
