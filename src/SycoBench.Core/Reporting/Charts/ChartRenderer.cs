using ScottPlot;

namespace SycoBench.Reporting.Charts;

/// <summary>Renders a finished plot to PNG and SVG.</summary>
internal static class ChartRenderer
{
    public static RenderedChart Finish(Plot plot, string name, string title, string caption, int width, int height)
    {
        using (plot)
        {
            var png = plot.GetImageBytes(width, height, ImageFormat.Png);
            var svg = plot.GetSvgXml(width, height);
            return new RenderedChart(name, title, caption, width, height, png, svg);
        }
    }
}

/// <summary>The report's four charts: SI forest plot, stance mix, score distributions, SI by factor.</summary>
public sealed class ReportChartRenderer : IChartRenderer
{
    public IReadOnlyList<RenderedChart> Render(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var charts = new List<RenderedChart>();
        foreach (var render in new Func<Report, RenderedChart?>[]
                 {
                     ForestPlotChart.Render, StanceMixChart.Render, ScoreDistributionChart.Render, FactorHeatmapChart.Render,
                 })
        {
            if (render(report) is { } chart)
                charts.Add(chart);
        }

        return charts;
    }
}
