namespace SycoBench.Cli.Commands;

/// <summary>
/// The rules of the prompt-selection options that commands from different option groups take: <c>grid</c> and
/// <c>run</c> (<c>--include-neutral</c>, <c>--no-include-neutral</c>, <c>--limit</c>), <c>grid</c> and
/// <c>portal push</c> (<c>--sample</c>, <c>--seed</c>). Each command declares the options in its own words (a grid's
/// triplets, a run's grid file, a run's answers), but a value is refused the same way, with one message, everywhere.
/// </summary>
internal static class PromptSelectionChecks
{
    public static ValidationResult Neutral(bool include, bool leaveOut) =>
        include && leaveOut ? ValidationResult.Error("--include-neutral and --no-include-neutral cannot be combined") : ValidationResult.Success();

    public static ValidationResult Limit(int? limit) =>
        limit is <= 0 ? ValidationResult.Error($"--limit must be a positive number of prompts (got {limit})") : ValidationResult.Success();

    /// <summary>A positive <c>--sample</c> of <paramref name="what"/> (prompts, answers); <c>--seed</c> only with it.</summary>
    public static ValidationResult Sample(int? sample, int? seed, string what)
    {
        if (sample is <= 0)
            return ValidationResult.Error($"--sample must be a positive number of {what} (got {sample})");
        return seed is not null && sample is null ? ValidationResult.Error("--seed only applies to --sample") : ValidationResult.Success();
    }
}
