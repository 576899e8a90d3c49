namespace SycoBench.Statistics;

/// <summary>
/// Sample quantiles by linear interpolation between order statistics (Hyndman–Fan type 7, the default of R and
/// NumPy): for n values and probability p, h = (n − 1)p and Q = x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎), 0-based.
/// Uses selection, not a full sort, because reports take thousands of percentile intervals.
/// </summary>
public static class Quantile
{
    /// <summary>The p-quantile of <paramref name="values"/>; reorders the span. NaN for an empty span.</summary>
    public static double Type7(Span<double> values, double p)
    {
        if (values.IsEmpty)
            return double.NaN;
        if (p is < 0 or > 1 || double.IsNaN(p))
            throw new ArgumentOutOfRangeException(nameof(p), p, "must be in [0, 1]");
        var h = (values.Length - 1) * p;
        var lowIndex = (int)Math.Floor(h);
        var low = Select(values, lowIndex);
        if (lowIndex + 1 >= values.Length)
            return low;

        // After selection every value right of lowIndex is ≥ the selected one; the next order statistic is their minimum.
        var next = double.PositiveInfinity;
        foreach (var value in values[(lowIndex + 1)..])
            next = Math.Min(next, value);
        return low + (h - lowIndex) * (next - low);
    }

    /// <summary>The k-th smallest value (0-based); partially reorders the span (Hoare's selection).</summary>
    public static double Select(Span<double> values, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(k, values.Length);
        int left = 0, right = values.Length - 1;
        while (right > left)
        {
            // Median of three as pivot keeps sorted and reversed inputs linear.
            var middle = left + ((right - left) >> 1);
            if (values[middle] < values[left])
                (values[middle], values[left]) = (values[left], values[middle]);
            if (values[right] < values[left])
                (values[right], values[left]) = (values[left], values[right]);
            if (values[right] < values[middle])
                (values[right], values[middle]) = (values[middle], values[right]);
            var pivot = values[middle];

            int i = left, j = right;
            while (i <= j)
            {
                while (values[i] < pivot)
                    i++;
                while (values[j] > pivot)
                    j--;
                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j)
                right = j;
            else if (k >= i)
                left = i;
            else
                return values[k];
        }

        return values[k];
    }
}
