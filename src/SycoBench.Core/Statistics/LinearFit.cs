namespace SycoBench.Statistics;

/// <summary>
/// An ordinary least-squares line y = <see cref="Intercept"/> + <see cref="Slope"/> · x through paired values
/// (slope = Σ(x − x̄)(y − ȳ) / Σ(x − x̄)², intercept = ȳ − slope · x̄), fitted by Math.NET Numerics.
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
        if (x.Count < 2 || x.All(v => v == x[0]))
            return new LinearFit(double.NaN, double.NaN, x.Count);
        var (intercept, slope) = MathNet.Numerics.Fit.Line(x.ToArray(), y.ToArray());
        return new LinearFit(slope, intercept, x.Count);
    }
}
