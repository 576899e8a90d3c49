using SycoBench.Reporting.Charts;

namespace SycoBench.Agreement.Page;

/// <summary>
/// Draws the charts of agreement.html (PNG only, inlined). Core declares it; SycoBench.Charts implements it and the
/// command line wires it in.
/// </summary>
public interface IAgreementChartRenderer
{
    /// <summary>Per-item scores of one reviewer in bins of 0.1 over [−1, 1]; dashed lines mark the stance bin edges at ±<paramref name="edge"/>.</summary>
    RenderedChart Distribution(ReviewerProfile profile, double edge, string name);

    /// <summary>y against x with the line y = x and, when given, the least-squares line.</summary>
    RenderedChart Scatter(IReadOnlyList<(double X, double Y)> points, string xLabel, string yLabel, (double Slope, double Intercept)? fit, string name, string title, string caption);
}
