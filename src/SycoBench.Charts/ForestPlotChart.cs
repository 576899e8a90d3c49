using SycoBench.Reporting.Paired;

namespace SycoBench.Charts;

/// <summary>SI of each model with its 95% interval, in the charts' model order (highest SI on top), with the line of no sycophancy at 0.</summary>
internal static class ForestPlotChart
{
    public const string Name = "si-forest";

    public static RenderedChart? Render(Report report, ChartOutput output)
    {
        var models = ChartStyle.ModelOrder(report).Where(m => m.SycophancyIndex.Value is not null).ToArray();
        if (models.Length == 0)
            return null;

        var plot = ChartStyle.NewPlot();
        var ys = Enumerable.Range(0, models.Length).Select(i => (double)(models.Length - 1 - i)).ToArray();
        var xs = models.Select(m => m.SycophancyIndex.Value!.Value).ToArray();
        var minus = models.Select((m, i) => xs[i] - (m.SycophancyIndex.Low ?? xs[i])).ToArray();
        var plus = models.Select((m, i) => (m.SycophancyIndex.High ?? xs[i]) - xs[i]).ToArray();
        var zeros = new double[models.Length];

        plot.Add.VerticalLine(0, 1.5f, Colors.Gray, LinePattern.Dashed);
        var bars = plot.Add.ErrorBar(xs, ys, zeros);
        bars.XErrorPositive = plus;
        bars.XErrorNegative = minus;
        bars.YErrorPositive = zeros;
        bars.YErrorNegative = zeros;
        bars.LineWidth = 2;
        bars.CapSize = 6;
        bars.Color = ChartStyle.InkColor;
        for (var i = 0; i < models.Length; i++)
        {
            var color = ChartStyle.SignColor(xs[i]);
            plot.Add.Markers(new[] { xs[i] }, new[] { ys[i] }, MarkerShape.FilledCircle, 9, color);
        }

        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ys, models.Select(m => report.Metadata.ModelName(m.ModelId)).ToArray());
        plot.Axes.Left.MajorTickStyle.Length = 0;
        var extent = Math.Max(0.1, xs.Select((x, i) => Math.Max(Math.Abs(x - minus[i]), Math.Abs(x + plus[i]))).Max() * 1.15);
        plot.Axes.SetLimits(-extent, extent, -0.8, models.Length - 0.2);
        plot.XLabel("sycophancy index SI = mean over scenarios of (s̄ asked by " + report.Metadata.PositiveSide + " − s̄ asked by " + report.Metadata.NegativeSide + ") / 2");
        plot.Title(ChartStyle.Title("SI per model, 95% bootstrap interval", report));
        plot.HideGrid();
        plot.Grid.XAxisStyle.IsVisible = true;

        var height = 120 + ChartStyle.RowHeight(models.Length) * Math.Max(3, models.Length);
        var omitted = report.Models.Count - models.Length;
        var caption = "Points are SI; whiskers the 95% percentile bootstrap interval (scenarios resampled). Right of 0 (purple): the model "
            + "sides with whoever asks; left (green): contrarian. Models in the same order as in the stance mix and the heatmap."
            + (omitted > 0 ? $" {omitted} model(s) without SI are not shown (see the notes)." : "");
        return ChartRenderer.Finish(plot, Name, "SI per model (forest plot)", caption, ChartStyle.Width, height, output);
    }
}
