using SycoBench.Scoring.Offline;

namespace SycoBench.Cli.Commands;

public sealed class ScorerTrainSettings : CommandSettings
{
    [CommandOption("--input <PATH>")]
    [Description("Labelled answers: a scored file (run_scored.jsonl: answer text → judge score) or a reviews export from portal pull (reviews.jsonl: the human consensus; the answer text is in it).")]
    public string? Input { get; init; }

    [CommandOption("--responses <PATH>")]
    [Description("With a reviews export that has no answer text (an older export): the run or scored file whose answers were reviewed.")]
    public string? Responses { get; init; }

    [CommandOption("--out <PATH>")]
    [Description("Where to write the model (a zip); use it with score --scorer offline:PATH.")]
    public string? Out { get; init; }

    [CommandOption("--seed <S>")]
    [Description("Seed of the train/held-out split and of the trainer (default 0); the same seed gives the same model.")]
    [DefaultValue(0)]
    public int Seed { get; init; }

    [CommandOption("--holdout <SHARE>")]
    [Description("Share of the answers held out to measure the model, between 0 and 1 (default 0.2).")]
    [DefaultValue(0.2)]
    public double Holdout { get; init; } = 0.2;

    [CommandOption("--trainer <NAME>")]
    [Description("sdca (linear), fasttree (boosted trees) or auto (the default): the one with the lower cross-validated MAE on the training share.")]
    [DefaultValue("auto")]
    public string Trainer { get; init; } = "auto";

    private static readonly OptionChoice<OfflineTrainer?> TrainerChoice =
        new("--trainer", ("auto", null), ("sdca", OfflineTrainer.Sdca), ("fasttree", OfflineTrainer.FastTree));

    /// <summary>The trainer <c>--trainer</c> names; null for auto (cross-validation picks it).</summary>
    internal OfflineTrainer? ParsedTrainer => TrainerChoice.Parse(Trainer);

    [CommandOption("--folds <K>")]
    [Description("Folds of the cross-validation that picks the trainer with --trainer auto (default 5, 2 to 20).")]
    [DefaultValue(5)]
    public int Folds { get; init; } = 5;

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Input))
            return ValidationResult.Error("--input is required: a scored file (run_scored.jsonl) or a reviews export (reviews.jsonl)");
        if (string.IsNullOrWhiteSpace(Out))
            return ValidationResult.Error("--out is required: where to write the model, e.g. --out outputs/scorer/model.zip");
        if (!(Holdout > 0 && Holdout < 1))
            return ValidationResult.Error($"--holdout must be a share between 0 and 1, e.g. 0.2 (got {Holdout.ToString(CultureInfo.InvariantCulture)})");
        if (TrainerChoice.Check(Trainer) is { Successful: false } trainer)
            return trainer;
        if (Folds is < 2 or > 20)
            return ValidationResult.Error($"--folds must be from 2 to 20 (got {Folds})");
        if (Trainer != "auto" && Folds != 5)
            return ValidationResult.Error($"--folds sets the cross-validation of --trainer auto; --trainer {Trainer} names the trainer, so there is none");
        if (Responses is not null && string.IsNullOrWhiteSpace(Responses))
            return ValidationResult.Error("--responses needs a path");
        return ValidationResult.Success();
    }
}
