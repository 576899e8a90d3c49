using MathNet.Numerics.Statistics;

namespace SycoBench.Statistics;

/// <summary>
/// Pearson and Spearman correlation of paired values, computed by Math.NET Numerics, with SycoBench's rules on top:
/// the two lists must have the same length, and a correlation that does not exist (fewer than two pairs, a side that
/// does not vary) is NaN, never a number.
/// </summary>
public static class Correlation
{
    /// <summary>Pearson's r; NaN with fewer than two pairs or when either side does not vary.</summary>
    public static double Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        CheckPairs(x, y);
        if (x.Count < 2)
            return double.NaN;
        var r = MathNet.Numerics.Statistics.Correlation.Pearson(x, y);
        return double.IsFinite(r) ? Math.Clamp(r, -1, 1) : double.NaN;
    }

    /// <summary>Spearman's rho: Pearson's r of the ranks, ties sharing their average rank.</summary>
    public static double Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        CheckPairs(x, y);
        return Pearson(Ranks(x), Ranks(y));
    }

    /// <summary>1-based ranks; tied values get the mean of the ranks they span.</summary>
    public static double[] Ranks(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return MathNet.Numerics.Statistics.Statistics.Ranks(values, RankDefinition.Average);
    }

    private static void CheckPairs(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
            throw new ArgumentException($"paired values differ in length ({x.Count} and {y.Count})", nameof(y));
    }
}
