namespace SycoBench.Statistics;

/// <summary>
/// Multiplicity adjustments of m p-values. Each sorts the p-values ascending (ties in input order), scales each one
/// by its rank, caps it at 1 and makes the result monotone in the sorted order. NaN entries are not tests: they stay
/// NaN and do not count in m.
/// </summary>
public static class PValueAdjustment
{
    /// <summary>
    /// Holm's step-down correction: p₍ᵢ₎ becomes max over j ≤ i of min(1, (m − j + 1)·p₍ⱼ₎). Controls the family-wise
    /// error rate without assuming independence.
    /// </summary>
    public static double[] Holm(IReadOnlyList<double> pValues) =>
        Adjust(pValues, stepUp: false, (m, rank, p) => (m - rank) * p);

    /// <summary>
    /// Benjamini–Hochberg false-discovery-rate adjustment: q₍ᵢ₎ = min over j ≥ i of min(1, m·p₍ⱼ₎ / j). Rejecting every
    /// q ≤ α keeps the expected share of false discoveries at most α (independent or positively dependent tests).
    /// </summary>
    public static double[] BenjaminiHochberg(IReadOnlyList<double> pValues) =>
        Adjust(pValues, stepUp: true, (m, rank, p) => m * p / (rank + 1));

    /// <summary>
    /// Scales each test's p by <paramref name="scale"/> (m, its 0-based rank, p), caps it at 1, and carries the running
    /// maximum up from the smallest p (step-down) or the running minimum down from the largest (step-up).
    /// </summary>
    private static double[] Adjust(IReadOnlyList<double> pValues, bool stepUp, Func<int, int, double, double> scale)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        var adjusted = new double[pValues.Count];
        Array.Fill(adjusted, double.NaN);
        var order = Enumerable.Range(0, pValues.Count)
            .Where(i => !double.IsNaN(pValues[i]))
            .OrderBy(i => pValues[i])
            .ThenBy(i => i)
            .ToArray();
        var m = order.Length;
        var running = stepUp ? 1.0 : 0.0;
        for (var step = 0; step < m; step++)
        {
            var rank = stepUp ? m - 1 - step : step;
            var index = order[rank];
            var capped = Math.Min(1.0, scale(m, rank, pValues[index]));
            running = stepUp ? Math.Min(running, capped) : Math.Max(running, capped);
            adjusted[index] = running;
        }

        return adjusted;
    }
}
