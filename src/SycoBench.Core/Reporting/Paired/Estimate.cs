namespace SycoBench.Reporting.Paired;

/// <summary>
/// A statistic over scenarios with its 95% bootstrap percentile interval. <see cref="Value"/> is null when the
/// statistic cannot be computed (no scenario has the answers it needs); the interval is null with fewer than two
/// scenarios. <see cref="Scenarios"/> is K, the number of matched triplets it averages over.
/// </summary>
public sealed record Estimate(double? Value, double? Low, double? High, int Scenarios)
{
    public static readonly Estimate None = new(null, null, null, 0);

    public static Estimate From(double value, double low, double high, int scenarios) =>
        new(Finite(value), scenarios >= 2 ? Finite(low) : null, scenarios >= 2 ? Finite(high) : null, scenarios);

    public static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
