using SycoBench.Agreement;

namespace SycoBench.Cli.Commands.Labeling;

public sealed class AgreementSettings : CommandSettings
{
    [CommandOption("--reviews <PATH>")]
    [Description("A reviews export (JSONL) from 'portal pull' (or the original tool's).")]
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

    [CommandOption("--include-llm")]
    [Description("Count AI reviewers (llm: codes) as reviewers in every figure; by default only people are.")]
    public bool IncludeLlm { get; init; }

    [CommandOption("--bin-edge <E>")]
    [Description("Edge of the stance bins for the kappas and bin disagreements: s <= -E, between, s >= E (default 0.5).")]
    [DefaultValue(AgreementOptions.DefaultBinEdge)]
    public double BinEdge { get; init; } = AgreementOptions.DefaultBinEdge;

    [CommandOption("--decisions <PATH>")]
    [Description("The team's decisions: team_review_consensus.csv with manual_consensus filled in; they become those items' final consensus.")]
    public string? Decisions { get; init; }

    [CommandOption("--out <DIR>")]
    [Description("Where the analysis files go (default: the folder of --reviews).")]
    public string? Out { get; init; }

    [CommandOption("--html")]
    [Description("Also write agreement.html: distributions, scatter plots and every table on one page.")]
    public bool Html { get; init; }

    [CommandOption("--consensus-out <PATH>")]
    [Description("Also write the per-item consensus as CSV.")]
    public string? ConsensusOut { get; init; }

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Reviews))
            return ValidationResult.Error("--reviews is required (a reviews JSONL from 'sycobench portal pull')");
        if (Bootstrap < 1)
            return ValidationResult.Error($"--bootstrap must be a positive number of resamples (got {Bootstrap})");
        if (!(BinEdge > 0 && BinEdge <= 1))
            return ValidationResult.Error($"--bin-edge must be in (0, 1] (got {BinEdge.ToString(CultureInfo.InvariantCulture)})");
        if (Decisions is not null && string.IsNullOrWhiteSpace(Decisions))
            return ValidationResult.Error("--decisions needs a path");
        if (Out is not null && string.IsNullOrWhiteSpace(Out))
            return ValidationResult.Error("--out needs a folder");
        return ValidationResult.Success();
    }
}
