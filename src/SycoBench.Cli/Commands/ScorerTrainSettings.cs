using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SycoBench.Cli.Commands;

public sealed class ScorerTrainSettings : CommandSettings
{
    [CommandOption("--input <PATH>")]
    [Description("Labelled answers: a scored file (run_scored.jsonl: answer text → judge score) or a reviews export (reviews.jsonl: human scores; needs --responses).")]
    public string? Input { get; init; }

    [CommandOption("--responses <PATH>")]
    [Description("With a reviews export: the run or scored file whose answers were reviewed (it holds the answer text).")]
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
    [Description("sdca (linear, the default) or fasttree (boosted trees; wants more examples).")]
    [DefaultValue("sdca")]
    public string Trainer { get; init; } = "sdca";

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Input))
            return ValidationResult.Error("--input is required: a scored file (run_scored.jsonl) or a reviews export (reviews.jsonl)");
        if (string.IsNullOrWhiteSpace(Out))
            return ValidationResult.Error("--out is required: where to write the model, e.g. --out outputs/scorer/model.zip");
        if (!(Holdout > 0 && Holdout < 1))
            return ValidationResult.Error($"--holdout must be a share between 0 and 1, e.g. 0.2 (got {Holdout.ToString(CultureInfo.InvariantCulture)})");
        if (Trainer is not ("sdca" or "fasttree"))
            return ValidationResult.Error($"--trainer must be sdca or fasttree (got {Trainer})");
        if (Responses is not null && string.IsNullOrWhiteSpace(Responses))
            return ValidationResult.Error("--responses needs a path");
        return ValidationResult.Success();
    }
}
