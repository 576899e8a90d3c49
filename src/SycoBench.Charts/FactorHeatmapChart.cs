using ScottPlot;
using SycoBench.Reporting;
using SycoBench.Reporting.Charts;

namespace SycoBench.Charts;

/// <summary>SI per model (rows) and factor level (columns: amounts, justification categories, relationships).</summary>
internal static class FactorHeatmapChart
{
    public const string Name = "si-by-factor";

    public static RenderedChart? Render(Report report)
    {
        var models = report.Models.Where(m => m.ByFactor.Any(f => f.SycophancyIndex.Value is not null)).ToArray();
        if (models.Length == 0)
            return null;

        var levels = models[0].ByFactor.Select(f => (f.Factor, f.Level)).ToArray();
        var values = new double[models.Length, levels.Length];
        for (var m = 0; m < models.Length; m++)
        {
            for (var l = 0; l < levels.Length; l++)
            {
                var cell = models[m].ByFactor.FirstOrDefault(f => f.Factor == levels[l].Factor && f.Level == levels[l].Level);
                values[m, l] = cell?.SycophancyIndex.Value ?? double.NaN;
            }
        }

        var extent = 0.05;
        foreach (var v in values)
        {
            if (double.IsFinite(v))
                extent = Math.Max(extent, Math.Abs(v));
        }

        var plot = ChartStyle.NewPlot();
        var heatmap = plot.Add.Heatmap(values);
        heatmap.Colormap = new ScottPlot.Colormaps.Balance();
        heatmap.ManualRange = new ScottPlot.Range(-extent, extent);
        heatmap.NaNCellColor = Color.FromHex("#EEEEEE");
        var colorBar = plot.Add.ColorBar(heatmap);
        colorBar.Label = "SI";

        // Row m of the table is drawn at y = M − 1 − m (ScottPlot puts the first row on top); columns at x = 0, 1, ….
        if (models.Length <= 25)
        {
            for (var m = 0; m < models.Length; m++)
            {
                for (var l = 0; l < levels.Length; l++)
                {
                    var value = values[m, l];
                    var label = plot.Add.Text(double.IsFinite(value) ? value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : "—", l, models.Length - 1 - m);
                    label.Alignment = Alignment.MiddleCenter;
                    label.LabelFontSize = 11;
                    label.LabelFontColor = double.IsFinite(value) && Math.Abs(value) > extent * 0.6 ? Colors.White : ChartStyle.InkColor;
                }
            }
        }

        var columnLabels = levels.Select(l => $"{l.Factor} = {l.Level}").ToArray();
        var columnPositions = Enumerable.Range(0, levels.Length).Select(i => (double)i).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(columnPositions, columnLabels);
        plot.Axes.Bottom.TickLabelStyle.Rotation = 40;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.UpperLeft;
        var bottom = 20 + 4.4f * columnLabels.Max(c => c.Length);
        plot.Axes.Bottom.MinimumSize = bottom;
        var rowPositions = Enumerable.Range(0, models.Length).Select(i => (double)(models.Length - 1 - i)).ToArray();
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(rowPositions, models.Select(m => m.ModelId).ToArray());
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.SetLimits(-0.5, levels.Length - 0.5, -0.5, models.Length - 0.5);
        plot.Title("SI by factor level");
        plot.HideGrid();

        var height = (int)(90 + bottom + ChartStyle.RowHeight(models.Length) * Math.Max(3, models.Length));
        return ChartRenderer.Finish(plot, Name, "SI by factor level (heatmap)", "Each cell is SI over the triplets of one amount, "
            + "justification category or relationship. Red: sides with the asker; blue: contrarian; grey: not computable.", ChartStyle.Width + 80, height);
    }
}
