namespace SycoBench.Statistics;

/// <summary>
/// Percentile bootstrap over units: the units (items, not single ratings, so that the ratings of one item stay
/// together) are drawn with replacement, the statistic recomputed, and the middle <c>level</c> share of the results
/// kept. The seed makes the interval reproducible.
/// </summary>
public static class BootstrapInterval
{
    public static ConfidenceInterval? Percentile<T>(
        IReadOnlyList<T> units,
        Func<IReadOnlyList<T>, double> statistic,
        int resamples,
        int seed,
        double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(statistic);
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 1);
        if (level is <= 0 or >= 1)
            throw new ArgumentOutOfRangeException(nameof(level), level, "the level must lie strictly between 0 and 1");
        if (units.Count == 0)
            return null;

        // The draws of ScenarioBootstrap for the same seed and number of units.
        var random = SeededRandom.For(seed, SeedStreams.Bootstrap + (ulong)units.Count);
        var sample = new T[units.Count];
        var results = new List<double>(resamples);
        for (var r = 0; r < resamples; r++)
        {
            for (var i = 0; i < sample.Length; i++)
                sample[i] = units[random.NextInt(units.Count)];
            var value = statistic(sample);
            // A resample without variation has no defined value; it is left out rather than counted as anything.
            if (double.IsFinite(value))
                results.Add(value);
        }

        if (results.Count == 0)
            return null;
        results.Sort();
        var tail = (1 - level) / 2;
        return new ConfidenceInterval(Quantile(results, tail), Quantile(results, 1 - tail), level);
    }

    /// <summary>Quantile of sorted values with linear interpolation between order statistics (R's type 7).</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
            return double.NaN;
        var position = p * (sorted.Count - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
