using MathNet.Numerics.Distributions;

namespace SycoBench.Statistics;

/// <summary>
/// Intervals for a mean over few sampled units that hold at that size: Student's t with the units' degrees of freedom
/// instead of a percentile bootstrap, which is too narrow with a dozen units (its variance is (G − 1)/G of the usual
/// estimate and it uses normal quantiles).
/// </summary>
public static class ClusteredMean
{
    /// <summary>
    /// The ratio estimate θ = Σ_g S_g / Σ_g n_g over G units (S_g the sum of unit g's values, n_g their number) with
    /// its linearised standard error SE² = G/(G − 1) · Σ_g (S_g − θ n_g)² / (Σ_g n_g)² and G − 1 degrees of freedom;
    /// with one value per unit this is the familiar s/√G. Null below two units.
    /// </summary>
    public static TInterval? OneWay(ReadOnlySpan<double> sums, ReadOnlySpan<double> counts, double level = 0.95)
    {
        if (sums.Length != counts.Length)
            throw new ArgumentException("one count per sum", nameof(counts));
        var g = sums.Length;
        if (g < 2)
            return null;
        double total = 0, n = 0;
        for (var i = 0; i < g; i++)
        {
            total += sums[i];
            n += counts[i];
        }

        var theta = total / n;
        double squares = 0;
        for (var i = 0; i < g; i++)
        {
            var residual = sums[i] - theta * counts[i];
            squares += residual * residual;
        }

        var se = Math.Sqrt(g / (g - 1.0) * squares) / n;
        return TInterval.Of(theta, se, g - 1, level);
    }

    /// <summary>
    /// The mean of a cells × paraphrases table under crossed random effects y_cp = μ + a_c + b_p + e_cp: the two-way
    /// analysis of variance without replication gives MS_A (cells, C − 1 df), MS_B (paraphrases, P − 1 df) and MS_E
    /// ((C − 1)(P − 1) − missing df), the components σ²_cell = (MS_A − MS_E)/P, σ²_paraphrase = (MS_B − MS_E)/C,
    /// σ²_residual = MS_E (negative estimates truncated at 0), and Var(ȳ) = σ²_cell/C + σ²_paraphrase/P + σ²_residual/(CP),
    /// with Satterthwaite's degrees of freedom for the mean squares it combines. Missing entries (NaN) are filled by the
    /// additive fit (Yates's missing-value method: iterated row + column − grand mean), each costing one residual df.
    /// Null with fewer than 2 cells or paraphrases or no residual df left; <paramref name="centre"/> is the point estimate
    /// the interval is put around (the mean over the observed entries as the report states it).
    /// </summary>
    public static CrossedInterval? Crossed(double[,] table, double centre, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(table);
        int c = table.GetLength(0), p = table.GetLength(1);
        if (c < 2 || p < 2)
            return null;
        var y = (double[,])table.Clone();
        var missing = new List<(int Row, int Column)>();
        double observedSum = 0;
        for (var i = 0; i < c; i++)
        {
            for (var j = 0; j < p; j++)
            {
                if (double.IsNaN(y[i, j]))
                    missing.Add((i, j));
                else
                    observedSum += y[i, j];
            }
        }

        var residualDf = (c - 1) * (p - 1) - missing.Count;
        if (residualDf < 1)
            return null;
        foreach (var (i, j) in missing)
            y[i, j] = observedSum / (c * p - missing.Count);
        var rows = new double[c];
        var columns = new double[p];
        double grand = 0;
        for (var iteration = 0; iteration < (missing.Count == 0 ? 1 : 200); iteration++)
        {
            grand = Means(y, rows, columns);
            var change = 0.0;
            foreach (var (i, j) in missing)
            {
                var fitted = rows[i] + columns[j] - grand;
                change = Math.Max(change, Math.Abs(fitted - y[i, j]));
                y[i, j] = fitted;
            }

            if (change < 1e-13)
                break;
        }

        grand = Means(y, rows, columns);
        double ssA = 0, ssB = 0, ssE = 0;
        for (var i = 0; i < c; i++)
            ssA += p * (rows[i] - grand) * (rows[i] - grand);
        for (var j = 0; j < p; j++)
            ssB += c * (columns[j] - grand) * (columns[j] - grand);
        for (var i = 0; i < c; i++)
        {
            for (var j = 0; j < p; j++)
            {
                var e = y[i, j] - rows[i] - columns[j] + grand;
                ssE += e * e;
            }
        }

        double msA = ssA / (c - 1), msB = ssB / (p - 1), msE = ssE / residualDf;
        var cell = Math.Max(0, (msA - msE) / p);
        var paraphrase = Math.Max(0, (msB - msE) / c);
        // Var(ȳ)·CP as a combination of mean squares: (MS_A − MS_E) + (MS_B − MS_E) + MS_E when neither component is
        // truncated; a truncated component drops its mean square and its − MS_E.
        double wA = msA > msE ? 1 : 0, wB = msB > msE ? 1 : 0, wE = 1 - wA - wB;
        var combined = wA * msA + wB * msB + wE * msE;
        var variance = combined / (c * p);
        var dfDenominator = Square(wA * msA) / (c - 1) + Square(wB * msB) / (p - 1) + Square(wE * msE) / residualDf;
        var df = dfDenominator > 0 ? Square(combined) / dfDenominator : residualDf;
        var interval = TInterval.Of(centre, Math.Sqrt(variance), df, level);
        return new CrossedInterval(interval, c, p, missing.Count, cell, paraphrase, msE);
    }

    private static double Means(double[,] y, double[] rows, double[] columns)
    {
        int c = rows.Length, p = columns.Length;
        Array.Clear(rows);
        Array.Clear(columns);
        double grand = 0;
        for (var i = 0; i < c; i++)
        {
            for (var j = 0; j < p; j++)
            {
                rows[i] += y[i, j] / p;
                columns[j] += y[i, j] / c;
                grand += y[i, j] / (c * p);
            }
        }

        return grand;
    }

    private static double Square(double x) => x * x;
}

/// <summary>An estimate ± t_{df, (1 + level)/2} · SE.</summary>
public sealed record TInterval(double Estimate, double StandardError, double DegreesOfFreedom, double Low, double High)
{
    public static TInterval Of(double estimate, double standardError, double degreesOfFreedom, double level = 0.95)
    {
        var half = StudentT.InvCDF(0, 1, degreesOfFreedom, (1 + level) / 2) * standardError;
        return new TInterval(estimate, standardError, degreesOfFreedom, estimate - half, estimate + half);
    }
}

/// <summary>A crossed cells × paraphrases interval with its variance components.</summary>
public sealed record CrossedInterval(TInterval Interval, int Cells, int Paraphrases, int Missing, double CellVariance, double ParaphraseVariance, double ResidualVariance);
