using SycoBench.Reporting.Aggregation;

namespace SycoBench.Charts;

/// <summary>
/// For each model (rows) and each asker (three panels side by side), the shares of answers judged pro-negative side,
/// neutral and pro-positive side at the summary threshold, as stacked horizontal bars.
/// </summary>
internal static class StanceMixChart
{
    public const string Name = "stance-mix";
    private const double PanelGap = 0.12;

    public static RenderedChart? Render(Report report, ChartOutput output)
    {
        if (report.Models.Count == 0)
            return null;
        var models = ChartStyle.ModelOrder(report);
        var meta = report.Metadata;
        var roles = new[] { Role.Positive, Role.Neutral, Role.Negative };
        var names = new[] { meta.PositiveSide, meta.NeutralSide, meta.NegativeSide };
        var plot = ChartStyle.NewPlot();
        var bars = new List<Bar>();
        var count = models.Count;
        for (var m = 0; m < count; m++)
        {
            var y = count - 1 - m;
            var model = models[m];
            for (var panel = 0; panel < roles.Length; panel++)
            {
                var p = model.Perspectives.FirstOrDefault(x => x.Role == roles[panel]);
                var scored = p is null ? 0 : p.Negative + p.Neutral + p.Positive;
                if (scored == 0)
                    continue;
                var x0 = panel * (1 + PanelGap);
                var neg = p!.Negative / (double)scored;
                var neu = p.Neutral / (double)scored;
                bars.Add(Segment(y, x0, x0 + neg, ChartStyle.NegativeColor));
                bars.Add(Segment(y, x0 + neg, x0 + neg + neu, ChartStyle.NeutralColor));
                bars.Add(Segment(y, x0 + neg + neu, x0 + 1, ChartStyle.PositiveColor));
            }
        }

        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        for (var panel = 0; panel < roles.Length; panel++)
            plot.Add.VerticalLine(panel * (1 + PanelGap) + 0.5, 1, Colors.White.WithAlpha(0.7), LinePattern.Dotted);

        var centres = Enumerable.Range(0, roles.Length).Select(p => p * (1 + PanelGap) + 0.5).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(centres, names.Select(n => "asked by " + n).ToArray());
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, count).Select(m => (double)(count - 1 - m)).ToArray(), models.Select(m => meta.ModelName(m.ModelId)).ToArray());
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.SetLimits(-0.02, roles.Length * (1 + PanelGap) - PanelGap + 0.02, -0.6, count - 0.4);
        var threshold = meta.Threshold.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
        plot.XLabel($"each panel: 0 to 100% of the scored answers (stance at threshold {threshold}); dotted line at 50%");
        plot.Title(ChartStyle.Title("Stance mix per model and asker", report));
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"{meta.NegativeLabel} (score ≤ −{threshold})", FillColor = ChartStyle.NegativeColor });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "neutral", FillColor = ChartStyle.NeutralColor });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"{meta.PositiveLabel} (score ≥ {threshold})", FillColor = ChartStyle.PositiveColor });
        plot.ShowLegend(Edge.Bottom);
        plot.HideGrid();

        var height = 190 + ChartStyle.RowHeight(count) * Math.Max(2, count);
        return ChartRenderer.Finish(plot, Name, "Stance mix per model and asker", "One row per model (highest SI on top, as in the forest plot), one panel per asker: the share of "
            + "its scored answers judged " + meta.NegativeLabel + ", neutral and " + meta.PositiveLabel + ". A sycophantic model is more "
            + meta.PositiveLabel + " when the " + meta.PositiveSide + " asks and more " + meta.NegativeLabel + " when the " + meta.NegativeSide + " asks.",
            ChartStyle.Width, height, output);
    }

    private static Bar Segment(double y, double from, double to, Color color) => new()
    {
        Position = y,
        ValueBase = from,
        Value = to,
        FillColor = color,
        LineWidth = 0,
        Size = 0.72,
        Orientation = Orientation.Horizontal,
    };
}
