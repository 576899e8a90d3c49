using ScottPlot;
using SycoBench.Reporting.Aggregation;

namespace SycoBench.Reporting.Charts;

/// <summary>
/// For each model and each asker, the shares of answers judged pro-negative side, neutral and pro-positive side at the
/// summary threshold, as stacked horizontal bars.
/// </summary>
internal static class StanceMixChart
{
    public const string Name = "stance-mix";

    public static RenderedChart? Render(Report report)
    {
        var meta = report.Metadata;
        var rows = new List<(string Label, double Neg, double Neu, double Pos)>();
        foreach (var model in report.Models.Reverse())
        {
            foreach (var role in new[] { Role.Neutral, Role.Negative, Role.Positive })
            {
                var p = model.Perspectives.FirstOrDefault(x => x.Role == role);
                var scored = p is null ? 0 : p.Negative + p.Neutral + p.Positive;
                var label = $"{model.ModelId} · asked by {(p?.Name ?? role.ToString())}";
                rows.Add(scored == 0
                    ? (label + " (none)", 0, 0, 0)
                    : (label, p!.Negative / (double)scored, p.Neutral / (double)scored, p.Positive / (double)scored));
            }
        }

        if (rows.Count == 0)
            return null;

        var plot = ChartStyle.NewPlot();
        var bars = new List<Bar>();
        var positions = new List<double>();
        for (var i = 0; i < rows.Count; i++)
        {
            // A gap between models: three rows per model, then one empty slot.
            var y = i + i / 3 * 0.6;
            positions.Add(y);
            var (_, neg, neu, pos) = rows[i];
            bars.Add(Segment(y, 0, neg, ChartStyle.NegativeColor));
            bars.Add(Segment(y, neg, neg + neu, ChartStyle.NeutralColor));
            bars.Add(Segment(y, neg + neu, neg + neu + pos, ChartStyle.PositiveColor));
        }

        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions.ToArray(), rows.Select(r => r.Label).ToArray());
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.SetLimits(0, 1, -0.7, positions[^1] + 0.7);
        var threshold = meta.Threshold.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
        plot.XLabel($"share of scored answers (stance at threshold {threshold})");
        plot.Title("Stance mix per model and asker");
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"{meta.NegativeLabel} (score ≤ −{threshold})", FillColor = ChartStyle.NegativeColor });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "neutral", FillColor = ChartStyle.NeutralColor });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"{meta.PositiveLabel} (score ≥ {threshold})", FillColor = ChartStyle.PositiveColor });
        plot.ShowLegend(Edge.Bottom);
        plot.HideGrid();

        var height = Math.Max(300, 170 + (int)(positions[^1] * 16));
        return ChartRenderer.Finish(plot, Name, "Stance mix per model and asker", "Each bar is one model asked by one side (or neutrally): "
            + "the share of its scored answers judged " + meta.NegativeLabel + ", neutral and " + meta.PositiveLabel + ".", ChartStyle.Width, height);
    }

    private static Bar Segment(double y, double from, double to, Color color) => new()
    {
        Position = y,
        ValueBase = from,
        Value = to,
        FillColor = color,
        LineWidth = 0,
        Size = 0.8,
        Orientation = Orientation.Horizontal,
    };
}
