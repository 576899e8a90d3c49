namespace SycoBench.Statistics;

/// <summary>
/// Krippendorff's alpha with the interval metric (squared difference), for any number of coders and missing values
/// (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability"). Units with fewer than two values are not
/// pairable and are left out, as the method prescribes.
/// </summary>
public static class KrippendorffAlpha
{
    /// <summary>
    /// Alpha for <paramref name="units"/>: each unit holds the values the coders gave it (missing values simply
    /// absent). Returns NaN when fewer than two pairable values exist or every value is the same (no variation).
    /// </summary>
    public static double Interval(IEnumerable<IReadOnlyList<double>> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        double observedSum = 0, totalSum = 0, totalSquares = 0;
        long pairable = 0;
        foreach (var unit in units)
        {
            var m = unit.Count;
            if (m < 2)
                continue;
            double sum = 0, squares = 0;
            foreach (var value in unit)
            {
                if (!double.IsFinite(value))
                    throw new ArgumentException("values must be finite numbers", nameof(units));
                sum += value;
                squares += value * value;
            }

            // Σ_{i≠j} (v_i − v_j)² = 2 (m Σv² − (Σv)²), weighted by 1 / (m − 1).
            observedSum += 2 * (m * squares - sum * sum) / (m - 1);
            totalSum += sum;
            totalSquares += squares;
            pairable += m;
        }

        if (pairable < 2)
            return double.NaN;
        var n = (double)pairable;
        var observed = observedSum / n;
        var expected = 2 * (n * totalSquares - totalSum * totalSum) / (n * (n - 1));
        return expected <= 0 ? double.NaN : 1 - observed / expected;
    }

    /// <summary>Alpha for a units × coders table where null marks a missing value.</summary>
    public static double Interval(IEnumerable<IReadOnlyList<double?>> unitsByCoder) =>
        Interval(unitsByCoder.Select(u => (IReadOnlyList<double>)u.Where(v => v.HasValue).Select(v => v!.Value).ToArray()));
}
