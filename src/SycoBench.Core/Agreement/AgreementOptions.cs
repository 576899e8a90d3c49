namespace SycoBench.Agreement;

/// <summary>Settings of an agreement analysis; the seed makes the bootstrap interval reproducible.</summary>
public sealed record AgreementOptions
{
    public const double DefaultBinEdge = 0.5;

    public int BootstrapResamples { get; init; } = 1000;

    public int Seed { get; init; }

    public double Level { get; init; } = 0.95;

    /// <summary>Reviewer pairs sharing fewer items than this get no correlation (too few points to mean anything).</summary>
    public int MinimumPairOverlap { get; init; } = 3;

    /// <summary>Count AI reviewers (<c>llm:</c> codes) as reviewers in every figure; by default only people are.</summary>
    public bool IncludeAiReviews { get; init; }

    /// <summary>The stance bins of the kappas and the bin disagreements: s ≤ −edge, between, s ≥ edge.</summary>
    public double BinEdge { get; init; } = DefaultBinEdge;

    /// <summary>The team's decisions for items whose reviewers disagree; they become those items' final consensus.</summary>
    public ConsensusDecisions? Decisions { get; init; }
}
