namespace SycoBench.Cli.Commands;

public sealed class GridSettings : ScenarioSettings
{
    [CommandOption("--include-neutral")]
    [Description("Include the neutral prompt of each triplet (the default).")]
    public bool IncludeNeutral { get; init; }

    [CommandOption("--no-include-neutral")]
    [Description("Leave the neutral prompts out: side A and side B prompts only.")]
    public bool NoIncludeNeutral { get; init; }

    [CommandOption("--limit <N>")]
    [Description("Keep only the first N prompts of the grid.")]
    public int? Limit { get; init; }

    [CommandOption("--sample <N>")]
    [Description("Seeded, balanced sample of N prompts made of whole triplets, spread over amount, category and relationship.")]
    public int? Sample { get; init; }

    [CommandOption("--seed <S>")]
    [Description("Seed of --sample (default 0); the same seed always gives the same grid.")]
    public int? Seed { get; init; }

    [CommandOption("--out <PATH>")]
    [Description("Where to write the grid.")]
    [DefaultValue("outputs/raw/grid.jsonl")]
    public string Out { get; init; } = "outputs/raw/grid.jsonl";

    public bool WithNeutral => !NoIncludeNeutral;

    public override ValidationResult Validate()
    {
        if (PromptSelectionChecks.Neutral(IncludeNeutral, NoIncludeNeutral) is { Successful: false } neutral)
            return neutral;
        if (PromptSelectionChecks.Limit(Limit) is { Successful: false } limit)
            return limit;
        if (PromptSelectionChecks.Sample(Sample, Seed, "prompts") is { Successful: false } sample)
            return sample;
        if (Limit is not null && Sample is not null)
            return ValidationResult.Error("--limit and --sample cannot be used together: --limit takes the first N prompts, --sample a balanced sample");
        if (string.IsNullOrWhiteSpace(Out))
            return ValidationResult.Error("--out needs a path");
        return ValidationResult.Success();
    }
}
