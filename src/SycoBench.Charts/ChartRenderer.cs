using ScottPlot;
using SycoBench.Reporting;
using SycoBench.Reporting.Charts;

namespace SycoBench.Charts;

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

    /// <summary>PNG only, for charts that are only shown inline (no SVG is drawn, and Skia's SVG canvas stays quiet).</summary>
    public static RenderedChart FinishPng(Plot plot, string name, string title, string caption, int width, int height)
    {
        using (plot)
            return new RenderedChart(name, title, caption, width, height, plot.GetImageBytes(width, height, ImageFormat.Png), "");
    }
}

/// <summary>The report's four charts: SI forest plot, stance mix, score distributions, SI by factor.</summary>
public sealed class ReportChartRenderer : IChartRenderer
{
    /// <summary>Whether a font for chart text was found (Skia is built without fontconfig; see ChartStyle).</summary>
    public bool FontAvailable => ChartStyle.FontFile is not null;

    public IReadOnlyList<RenderedChart> Render(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        Func<Report, RenderedChart?>[] renderers =
        [
            ForestPlotChart.Render, StanceMixChart.Render, ScoreDistributionChart.Render, FactorHeatmapChart.Render,
        ];

        // Each chart is its own plot: they render on all cores at once, and keep their order.
        _ = ChartStyle.FontFile;
        var charts = new RenderedChart?[renderers.Length];
        Parallel.For(0, renderers.Length, i => charts[i] = renderers[i](report));
        return charts.OfType<RenderedChart>().ToArray();
    }
}
