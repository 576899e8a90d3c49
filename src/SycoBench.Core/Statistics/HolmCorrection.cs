namespace SycoBench.Statistics;

/// <summary>
/// Holm's step-down correction for m tests: sort the p-values ascending, p₍ᵢ₎ becomes max over j ≤ i of
/// min(1, (m − j + 1)·p₍ⱼ₎). Controls the family-wise error rate without assuming independence. NaN entries are not
/// tests: they stay NaN and do not count in m.
/// </summary>
public static class HolmCorrection
{
    public static double[] Adjust(IReadOnlyList<double> pValues)
    {
        var (adjusted, order) = PValueOrder.Start(pValues);
        var m = order.Length;
        var running = 0.0;
        for (var rank = 0; rank < m; rank++)
        {
            var index = order[rank];
            running = Math.Max(running, Math.Min(1.0, (m - rank) * pValues[index]));
            adjusted[index] = running;
        }

        return adjusted;
    }
}
