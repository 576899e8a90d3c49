namespace SycoBench.Statistics;

/// <summary>
/// An ordinary least-squares line y = <see cref="Intercept"/> + <see cref="Slope"/> · x through paired values:
/// slope = Σ(x − x̄)(y − ȳ) / Σ(x − x̄)², intercept = ȳ − slope · x̄.
/// </summary>
public sealed record LinearFit(double Slope, double Intercept, int Points)
{
    /// <summary>The fitted line; Slope and Intercept are NaN with fewer than two points or when x does not vary.</summary>
    public static LinearFit Compute(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
            throw new ArgumentException($"paired values differ in length ({x.Count} and {y.Count})", nameof(y));
        var n = x.Count;
        if (n < 2)
            return new LinearFit(double.NaN, double.NaN, n);
        var meanX = x.Average();
        var meanY = y.Average();
        double sxy = 0, sxx = 0;
        for (var i = 0; i < n; i++)
        {
            sxy += (x[i] - meanX) * (y[i] - meanY);
            sxx += (x[i] - meanX) * (x[i] - meanX);
        }

        if (sxx == 0)
            return new LinearFit(double.NaN, double.NaN, n);
        var slope = sxy / sxx;
        return new LinearFit(slope, meanY - slope * meanX, n);
    }
}
