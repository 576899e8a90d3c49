using SycoBench.Running;

namespace SycoBench.Cli.Commands;

/// <summary>
/// The options of a command whose models judge answers on a scenario's axis (<c>score</c>, <c>label ai</c>): how many
/// answers are judged at once, the judge instruction and the answers' scenario. Declared and checked once here.
/// </summary>
public abstract class JudgingSettings : ModelPipelineSettings
{
    [CommandOption("--concurrency <N>")]
    [Description("Answers judged at the same time; also the concurrency of a judge that is not in a roster (each roster entry keeps its own limits).")]
    [DefaultValue(RunSetup.DefaultConcurrency)]
    public int Concurrency { get; init; } = RunSetup.DefaultConcurrency;

    [CommandOption("--rubric <NAME|PATH>")]
    [Description("The judge instruction for scenario answers: a file in data/rubrics or a path (default: the scenario's default rubric).")]
    public string? Rubric { get; init; }

    [CommandOption("--scenario <NAME|PATH>")]
    [Description("The scenario the answers were asked in, a name or a path, when it cannot be recognised (score: from the prompts; label ai: the dataset's scenario, else from the items; its anchors must be the dataset's).")]
    public string? Scenario { get; init; }

    protected override ValidationResult ValidateOptions() =>
        Concurrency <= 0 ? ValidationResult.Error($"--concurrency must be a positive integer (got {Concurrency})") : ValidationResult.Success();
}
