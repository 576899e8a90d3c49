namespace SycoBench.Statistics;

/// <summary>
/// One-way random-effects intraclass correlation (Shrout &amp; Fleiss 1979, case 1): each unit is rated by a
/// different set of raters. <see cref="SingleRating"/> is ICC(1,1), the reliability of one rating; <see cref="AverageRating"/> is
/// ICC(1,k), the reliability of the mean of <see cref="RatingsPerUnit"/> ratings.
/// </summary>
public sealed record OneWayIcc(
    double SingleRating,
    double AverageRating,
    double RatingsPerUnit,
    double MeanSquareBetween,
    double MeanSquareWithin,
    int Units,
    int Ratings)
{
    /// <summary>
    /// ICC from units that each hold two or more ratings (units with fewer are left out). With unequal numbers of
    /// ratings, k is the ANOVA's adjusted group size k0 = (N − Σkᵢ²/N) / (n − 1), which equals k when every unit has k
    /// ratings. Returns null when fewer than two units or no within-unit degrees of freedom remain.
    /// </summary>
    public static OneWayIcc? Compute(IEnumerable<IReadOnlyList<double>> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        var kept = units.Where(u => u.Count >= 2).ToArray();
        var n = kept.Length;
        var total = kept.Sum(u => u.Count);
        if (n < 2 || total - n < 1)
            return null;

        var grandMean = kept.Sum(u => u.Sum()) / total;
        double between = 0, within = 0, sumOfSquaredSizes = 0;
        foreach (var unit in kept)
        {
            var mean = unit.Average();
            between += unit.Count * (mean - grandMean) * (mean - grandMean);
            foreach (var value in unit)
                within += (value - mean) * (value - mean);
            sumOfSquaredSizes += (double)unit.Count * unit.Count;
        }

        var msb = between / (n - 1);
        var msw = within / (total - n);
        var k0 = (total - sumOfSquaredSizes / total) / (n - 1);
        var single = msb + (k0 - 1) * msw == 0 ? double.NaN : (msb - msw) / (msb + (k0 - 1) * msw);
        var average = msb == 0 ? double.NaN : (msb - msw) / msb;
        return new OneWayIcc(single, average, k0, msb, msw, n, total);
    }
}
