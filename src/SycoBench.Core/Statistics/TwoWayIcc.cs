namespace SycoBench.Statistics;

/// <summary>
/// Two-way random-effects intraclass correlation (Shrout &amp; Fleiss 1979, case 2): every unit is rated by the same
/// <see cref="Raters"/> raters, who are a sample of the raters that could have been used, so a rater's overall
/// leniency counts as disagreement. <see cref="SingleRating"/> is ICC(2,1), the reliability of one rating;
/// <see cref="AverageRating"/> is ICC(2,k), the reliability of the mean of the k ratings.
/// </summary>
public sealed record TwoWayIcc(
    double SingleRating,
    double AverageRating,
    int Units,
    int Raters,
    double MeanSquareUnits,
    double MeanSquareRaters,
    double MeanSquareError)
{
    /// <summary>
    /// ICC(2,1) = (BMS − EMS) / (BMS + (k − 1) EMS + k (JMS − EMS) / n) and ICC(2,k) = (BMS − EMS) / (BMS + (JMS − EMS) / n),
    /// with BMS the units' mean square, JMS the raters' and EMS the residual of the two-way ANOVA without replication.
    /// <paramref name="table"/> is units × raters and must be complete. Null with fewer than two units or raters.
    /// </summary>
    public static TwoWayIcc? Compute(IReadOnlyList<IReadOnlyList<double>> table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var n = table.Count;
        if (n < 2)
            return null;
        var k = table[0].Count;
        if (k < 2)
            return null;
        if (table.Any(row => row.Count != k))
            throw new ArgumentException("every unit needs a rating from every rater", nameof(table));

        var grand = 0.0;
        var rowMeans = new double[n];
        var columnMeans = new double[k];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < k; j++)
            {
                var value = table[i][j];
                if (!double.IsFinite(value))
                    throw new ArgumentException("ratings must be finite numbers", nameof(table));
                rowMeans[i] += value;
                columnMeans[j] += value;
                grand += value;
            }
        }

        grand /= n * k;
        for (var i = 0; i < n; i++)
            rowMeans[i] /= k;
        for (var j = 0; j < k; j++)
            columnMeans[j] /= n;

        double units = 0, raters = 0, total = 0;
        foreach (var mean in rowMeans)
            units += k * (mean - grand) * (mean - grand);
        foreach (var mean in columnMeans)
            raters += n * (mean - grand) * (mean - grand);
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < k; j++)
                total += (table[i][j] - grand) * (table[i][j] - grand);
        }

        var bms = units / (n - 1);
        var jms = raters / (k - 1);
        var ems = Math.Max(0, total - units - raters) / ((n - 1) * (k - 1));
        var singleDenominator = bms + (k - 1) * ems + k * (jms - ems) / n;
        var averageDenominator = bms + (jms - ems) / n;
        return new TwoWayIcc(
            singleDenominator == 0 ? double.NaN : (bms - ems) / singleDenominator,
            averageDenominator == 0 ? double.NaN : (bms - ems) / averageDenominator,
            n, k, bms, jms, ems);
    }
}
