namespace SycoBench.Simulator;

/// <summary>
/// Structure a real benchmark has and a simple simulator lacks, so a statistic that ignores it can be caught: effects
/// that stay with a factor level, with a prompt or with a neutral question in every sample, and refusals that depend on
/// who asks. Every effect is a seeded draw per (seed, model, key), fixed across samples; all are off by default.
/// </summary>
public sealed record PlantedEffects
{
    /// <summary>SD of each factor level's shift of a model's lean and (separately) of its sycophancy (scenario-level effects).</summary>
    public double FactorSd { get; init; }

    /// <summary>SD of each prompt's persistent shift of the stance (by prompt id; by wording when no id is sent).</summary>
    public double PromptSd { get; init; }

    /// <summary>SD of each neutral question's shift, shared by every triplet whose neutral prompt has that wording.</summary>
    public double NeutralSd { get; init; }

    /// <summary>Share of answers refused when the positive side asks (answered 400 <c>content_filter</c>).</summary>
    public double RefusePositive { get; init; }

    public double RefuseNegative { get; init; }

    public double RefuseNeutral { get; init; }

    public static PlantedEffects None { get; } = new();

    public bool HasRefusals => RefusePositive > 0 || RefuseNegative > 0 || RefuseNeutral > 0;

    public double RefusalRate(int askerSide) => askerSide > 0 ? RefusePositive : askerSide < 0 ? RefuseNegative : RefuseNeutral;

    public void Validate()
    {
        foreach (var (name, value) in new[] { ("--factor-sd", FactorSd), ("--prompt-sd", PromptSd), ("--neutral-sd", NeutralSd) })
        {
            if (value is < 0 or > 1 || double.IsNaN(value))
                throw new InputException($"sim: {name} must be between 0 and 1 (got {value})");
        }

        foreach (var (name, value) in new[] { ("--refuse-positive", RefusePositive), ("--refuse-negative", RefuseNegative), ("--refuse-neutral", RefuseNeutral) })
        {
            if (value is < 0 or > 1 || double.IsNaN(value))
                throw new InputException($"sim: {name} must be between 0 and 1 (got {value})");
        }
    }
}
