using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SycoBench.Statistics;

/// <summary>
/// A low and a high type-7 quantile (see <see cref="Quantile"/>) at once, for percentile intervals over thousands of
/// bootstrap replicates. A small regular sample of the values gives a cut-off in each tail a little beyond the
/// quantile; one pass collects the values past each cut-off, and the exact order statistics are selected among those
/// few. When a cut-off turns out too tight (too few values past it) or too loose, the whole span is selected instead,
/// so the result is always exact. NaN values are skipped.
/// </summary>
public static class TailQuantiles
{
    private const int SampleSize = 512;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (double Low, double High) Type7(ReadOnlySpan<double> values, double pLow, double pHigh)
    {
        if (pLow is < 0 or > 0.5 || pHigh is < 0.5 or > 1)
            throw new ArgumentOutOfRangeException(nameof(pLow), "expects a low quantile ≤ 0.5 ≤ a high quantile");
        var n = CountFinite(values);
        if (n == 0)
            return (double.NaN, double.NaN);

        var hLow = (n - 1) * pLow;
        var hHigh = (n - 1) * pHigh;
        var lowIndex = (int)Math.Floor(hLow);
        var highIndex = (int)Math.Floor(hHigh);
        var needLow = Math.Min(n, lowIndex + 2);   // order statistics 0 … lowIndex + 1
        var needHigh = Math.Min(n, n - highIndex); // order statistics highIndex … n − 1
        if (n < 4 * SampleSize || needLow > n / 10 || needHigh > n / 10)
            return Full(values, n, pLow, pHigh);

        // Cut-offs from a regular sample, set about 1.5 times further in than the tails we need, plus a margin.
        Span<double> sample = stackalloc double[SampleSize];
        var stride = values.Length / SampleSize;
        var sampled = 0;
        for (var i = 0; i < values.Length && sampled < SampleSize; i += stride)
        {
            if (!double.IsNaN(values[i]))
                sample[sampled++] = values[i];
        }

        if (sampled < SampleSize / 2)
            return Full(values, n, pLow, pHigh);
        sample = sample[..sampled];
        var lowRank = Math.Min(sampled - 1, (int)(1.5 * needLow * sampled / n) + 8);
        var highRank = Math.Max(0, sampled - 1 - ((int)(1.5 * needHigh * sampled / n) + 8));
        var lowCut = Quantile.Select(sample, lowRank);
        var highCut = Quantile.Select(sample, highRank);

        var capacity = 4 * Math.Max(needLow, needHigh) + 64;
        var low = ArrayPool<double>.Shared.Rent(capacity);
        var high = ArrayPool<double>.Shared.Rent(capacity);
        try
        {
            return Select(values, n, pLow, pHigh, lowCut, highCut, low.AsSpan(0, capacity), high.AsSpan(0, capacity), needLow, needHigh);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(low);
            ArrayPool<double>.Shared.Return(high);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (double Low, double High) Select(
        ReadOnlySpan<double> values, int n, double pLow, double pHigh, double lowCut, double highCut, Span<double> low, Span<double> high, int needLow, int needHigh)
    {
        var hLow = (n - 1) * pLow;
        var hHigh = (n - 1) * pHigh;
        var lowIndex = (int)Math.Floor(hLow);
        var highIndex = (int)Math.Floor(hHigh);
        int lowCount = 0, highCount = 0;
        var width = Vector<double>.Count;
        var vectors = MemoryMarshal.Cast<double, Vector<double>>(values);
        var lowCuts = new Vector<double>(lowCut);
        var highCuts = new Vector<double>(highCut);
        for (var v = 0; v <= vectors.Length; v++)
        {
            // Most vectors hold no value past either cut-off: one test skips them. The tail is done value by value.
            var chunk = v < vectors.Length ? values.Slice(v * width, width) : values[(vectors.Length * width)..];
            if (v < vectors.Length
                && Vector.EqualsAll(Vector.LessThanOrEqual(vectors[v], lowCuts) | Vector.GreaterThanOrEqual(vectors[v], highCuts), Vector<long>.Zero))
                continue;
            if (!Collect(chunk, lowCut, highCut, low, high, ref lowCount, ref highCount))
                return Full(values, n, pLow, pHigh);
        }

        if (lowCount < needLow || highCount < needHigh)
            return Full(values, n, pLow, pHigh);

        // low holds every value ≤ lowCut: the smallest lowCount values of all, in some order.
        var lowQuantile = Interpolate(low[..lowCount], lowIndex, hLow - lowIndex);

        // high holds every value ≥ highCut: order statistic j of all is order statistic j − (n − highCount) of high.
        var offset = n - highCount;
        var highQuantile = Interpolate(high[..highCount], highIndex - offset, hHigh - highIndex);
        return (lowQuantile, highQuantile);
    }

    private static bool Collect(ReadOnlySpan<double> values, double lowCut, double highCut, Span<double> low, Span<double> high, ref int lowCount, ref int highCount)
    {
        foreach (var value in values)
        {
            // NaN compares false both ways, so it is never collected.
            if (value <= lowCut)
            {
                if (lowCount == low.Length)
                    return false;
                low[lowCount++] = value;
            }

            if (value >= highCut)
            {
                if (highCount == high.Length)
                    return false;
                high[highCount++] = value;
            }
        }

        return true;
    }

    private static int CountFinite(ReadOnlySpan<double> values)
    {
        var vectors = MemoryMarshal.Cast<double, Vector<double>>(values);
        Vector<long> finite = default;
        foreach (var v in vectors)
            finite -= Vector.Equals(v, v);
        var n = (int)Vector.Sum(finite);
        foreach (var value in values[(vectors.Length * Vector<double>.Count)..])
            n += double.IsNaN(value) ? 0 : 1;
        return n;
    }

    private static double Interpolate(Span<double> values, int index, double fraction)
    {
        var at = Quantile.Select(values, index);
        if (index + 1 >= values.Length || fraction == 0)
            return at;
        var next = double.PositiveInfinity;
        foreach (var value in values[(index + 1)..])
            next = Math.Min(next, value);
        return at + fraction * (next - at);
    }

    private static (double, double) Full(ReadOnlySpan<double> values, int n, double pLow, double pHigh)
    {
        var copy = new double[n];
        var at = 0;
        foreach (var value in values)
        {
            if (!double.IsNaN(value))
                copy[at++] = value;
        }

        return (Quantile.Type7(copy, pLow), Quantile.Type7(copy, pHigh));
    }
}
