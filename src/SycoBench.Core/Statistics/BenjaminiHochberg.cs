namespace SycoBench.Statistics;

/// <summary>
/// Benjamini–Hochberg false-discovery-rate adjustment of m p-values: sort ascending, q₍ᵢ₎ = min over j ≥ i of
/// min(1, m·p₍ⱼ₎ / j). Rejecting every q ≤ α keeps the expected share of false discoveries at most α (independent or
/// positively dependent tests). NaN entries are not tests: they stay NaN and do not count in m.
/// </summary>
public static class BenjaminiHochberg
{
    public static double[] Adjust(IReadOnlyList<double> pValues)
    {
        var (adjusted, order) = PValueOrder.Start(pValues);
        var m = order.Length;
        var running = 1.0;
        for (var rank = m - 1; rank >= 0; rank--)
        {
            var index = order[rank];
            running = Math.Min(running, Math.Min(1.0, m * pValues[index] / (rank + 1)));
            adjusted[index] = running;
        }

        return adjusted;
    }
}
