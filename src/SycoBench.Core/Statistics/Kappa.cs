namespace SycoBench.Statistics;

/// <summary>
/// A chance-corrected agreement: κ = (P̄ − Pₑ) / (1 − Pₑ) with <see cref="Observed"/> the agreement seen and
/// <see cref="Expected"/> the agreement chance alone would give. <see cref="Value"/> is NaN when Pₑ = 1 (everyone used
/// one category, so agreement beyond chance is not defined).
/// </summary>
public sealed record Kappa(double Value, double Observed, double Expected, int Subjects)
{
    internal static Kappa From(double observed, double expected, int subjects) =>
        new(expected >= 1 ? double.NaN : (observed - expected) / (1 - expected), observed, expected, subjects);
}
