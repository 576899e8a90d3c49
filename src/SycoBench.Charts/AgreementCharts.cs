using SycoBench.Agreement;
using SycoBench.Agreement.Page;

namespace SycoBench.Charts;

/// <summary>
/// The charts of agreement.html: each reviewer's score distribution, and scatter plots of reviewer pairs and of AI
/// reviewers against the human consensus. Identical points are drawn once, larger by how many items share them, so
/// the usual scores in steps of 0.1 do not hide each other.
/// </summary>
internal static class AgreementCharts
{
    public const int Bins = 20;
    private const int DistributionWidth = 460;
    private const int DistributionHeight = 260;
    private const int ScatterSize = 420;

    /// <summary>Per-item scores of one reviewer in bins of 0.1 over [−1, 1]; dashed lines mark the stance bin edges.</summary>
    public static RenderedChart Distribution(ReviewerProfile profile, double edge, string name)
    {
        var counts = new int[Bins];
        foreach (var score in profile.Values)
            counts[Math.Clamp((int)Math.Floor((score + 1) / 0.1 + 1e-9), 0, Bins - 1)]++;

        var plot = ChartStyle.NewPlot();
        var bars = new List<Bar>();
        for (var bin = 0; bin < Bins; bin++)
            bars.Add(new Bar { Position = -0.95 + bin * 0.1, Value = counts[bin], FillColor = ChartStyle.NegativeColor, LineWidth = 0, Size = 0.09 });
        plot.Add.Bars(bars);
        foreach (var x in new[] { -edge, edge })
            plot.Add.VerticalLine(x, 1, Colors.Gray, LinePattern.Dashed);

        plot.Axes.SetLimits(-1.05, 1.05, 0, null);
        plot.Axes.Margins(bottom: 0);
        plot.Title(profile.ReviewerCode);
        plot.XLabel("score");
        plot.YLabel("items");
        return ChartRenderer.FinishPng(plot, name, profile.ReviewerCode,
            $"{profile.Items} items; mean {Format(profile.Scores.Mean)}, sd {Format(profile.Scores.StandardDeviation)}.", DistributionWidth, DistributionHeight);
    }

    /// <summary>y against x with the line y = x (dashed) and, when given, the least-squares line.</summary>
    public static RenderedChart Scatter(IReadOnlyList<(double X, double Y)> points, string xLabel, string yLabel, (double Slope, double Intercept)? fit, string name, string title, string caption)
    {
        var plot = ChartStyle.NewPlot();
        var diagonal = plot.Add.Line(-1, -1, 1, 1);
        diagonal.LineColor = Colors.Gray;
        diagonal.LinePattern = LinePattern.Dashed;
        foreach (var group in points.GroupBy(p => (Math.Round(p.X, 3), Math.Round(p.Y, 3))))
        {
            var size = (float)Math.Min(22, 5 + 3 * Math.Sqrt(group.Count()));
            plot.Add.Markers(new[] { group.Key.Item1 }, new[] { group.Key.Item2 }, MarkerShape.FilledCircle, size, ChartStyle.NegativeColor.WithAlpha(0.6));
        }

        if (fit is { } line && double.IsFinite(line.Slope) && double.IsFinite(line.Intercept))
        {
            var ols = plot.Add.Line(-1, line.Intercept - line.Slope, 1, line.Intercept + line.Slope);
            ols.LineColor = ChartStyle.PositiveColor;
            ols.LineWidth = 2;
        }

        plot.Axes.SetLimits(-1.05, 1.05, -1.05, 1.05);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.Title(title);
        return ChartRenderer.FinishPng(plot, name, title, caption, ScatterSize, ScatterSize);
    }

    private static string Format(double value) => double.IsFinite(value) ? value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : "—";
}

/// <summary>The charts of agreement.html, drawn with ScottPlot.</summary>
public sealed class AgreementChartRenderer : IAgreementChartRenderer
{
    public RenderedChart Distribution(ReviewerProfile profile, double edge, string name) => AgreementCharts.Distribution(profile, edge, name);

    public RenderedChart Scatter(IReadOnlyList<(double X, double Y)> points, string xLabel, string yLabel, (double Slope, double Intercept)? fit, string name, string title, string caption) =>
        AgreementCharts.Scatter(points, xLabel, yLabel, fit, name, title, caption);
}
