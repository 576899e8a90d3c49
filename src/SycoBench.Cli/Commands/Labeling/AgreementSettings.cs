using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SycoBench.Cli.Commands.Labeling;

public sealed class AgreementSettings : CommandSettings
{
    [CommandOption("--reviews <PATH>")]
    [Description("A reviews export (JSONL) from 'portal pull'.")]
    public string? Reviews { get; init; }

    [CommandOption("--scored <PATH>")]
    [Description("A run_scored.jsonl: adds judge-vs-human MAE and Pearson r per model and perspective.")]
    public string? Scored { get; init; }

    [CommandOption("--dataset <NAME>")]
    [Description("Only the reviews of this dataset (default: all in the file).")]
    public string? Dataset { get; init; }

    [CommandOption("--bootstrap <N>")]
    [Description("Bootstrap resamples (over items) for alpha's 95% interval.")]
    [DefaultValue(1000)]
    public int Bootstrap { get; init; } = 1000;

    [CommandOption("--seed <S>")]
    [Description("Seed of the bootstrap; the same seed gives the same interval.")]
    [DefaultValue(0)]
    public int Seed { get; init; }

    [CommandOption("--consensus-out <PATH>")]
    [Description("Also write the per-item consensus as CSV.")]
    public string? ConsensusOut { get; init; }

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Reviews))
            return ValidationResult.Error("--reviews is required (a reviews JSONL from 'sycobench portal pull')");
        if (Bootstrap < 1)
            return ValidationResult.Error($"--bootstrap must be a positive number of resamples (got {Bootstrap})");
        return ValidationResult.Success();
    }
}
