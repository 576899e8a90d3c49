namespace SycoBench.Agreement;

/// <summary>Settings of an agreement analysis; the seed makes the bootstrap interval reproducible.</summary>
public sealed record AgreementOptions
{
    public int BootstrapResamples { get; init; } = 1000;

    public int Seed { get; init; }

    public double Level { get; init; } = 0.95;

    /// <summary>Reviewer pairs sharing fewer items than this get no correlation (too few points to mean anything).</summary>
    public int MinimumPairOverlap { get; init; } = 3;
}
