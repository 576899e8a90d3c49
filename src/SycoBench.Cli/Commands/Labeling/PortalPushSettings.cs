using SycoBench.Labeling;

namespace SycoBench.Cli.Commands.Labeling;

public sealed class PortalPushSettings : PortalSettings
{
    [CommandOption("--dataset <NAME>")]
    [Description("The dataset to push into: an existing one, or a new name (lowercase letters, digits, '.', '_', '-'). Default with --run-file: the run's scenario id (e.g. wage-v1).")]
    public string? Dataset { get; init; }

    [CommandOption("--scale <SCALE>")]
    [Description("The scale (anchors) of the answers: aita, or a scenario id or file whose judge axis it is. Default: the run's scenario (--run-file), the dataset's own scale, or the built-in one of aita and scenario (rent-v1).")]
    public string? Scale { get; init; }

    [CommandOption("--file <PATH>")]
    [Description("A seeds JSONL file (identifier, prompt_title, prompt_body, model_response_text, model_id, run_id, metadata).")]
    public string? File { get; init; }

    [CommandOption("--run-file <PATH>")]
    [Description("A run.jsonl to take scenario seeds from (failed rows are skipped).")]
    public string? RunFile { get; init; }

    [CommandOption("--sample <N>")]
    [Description("With --run-file: a seeded sample of N answers, balanced over models and perspectives (default: every usable answer).")]
    public int? Sample { get; init; }

    [CommandOption("--seed <S>")]
    [Description("Seed of --sample (default 0).")]
    public int? Seed { get; init; }

    [CommandOption("--apply")]
    [Description("Write to the database. Without it, only show what would change.")]
    public bool Apply { get; init; }

    protected override ValidationResult ValidateOptions()
    {
        if ((File is null) == (RunFile is null))
            return ValidationResult.Error("give exactly one of --file (seeds) and --run-file (a run to sample from)");
        if (Dataset is null && RunFile is null)
            return ValidationResult.Error("--dataset is required with --file (an existing dataset, aita, or a new name with --scale)");
        if (LabelStoreOption.DatasetName(Dataset) is { Successful: false } invalid)
            return invalid;
        if (Scale is not null && string.IsNullOrWhiteSpace(Scale))
            return ValidationResult.Error("--scale needs a value: aita, or a scenario id or file");
        if (RunFile is not null && (Dataset == LabelDatasets.Aita || string.Equals(Scale, DatasetScale.AitaSource, StringComparison.Ordinal)))
            return ValidationResult.Error("--run-file makes scenario seeds, scored on the scenario's axis: not aita");
        if (File is not null && (Sample is not null || Seed is not null))
            return ValidationResult.Error("--sample and --seed apply to --run-file only");
        return PromptSelectionChecks.Sample(Sample, Seed, "answers");
    }
}
