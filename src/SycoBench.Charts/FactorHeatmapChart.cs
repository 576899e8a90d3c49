using System.Globalization;

namespace SycoBench.Charts;

/// <summary>
/// SI per model (rows, in the charts' model order) and factor level (columns, grouped by factor: amounts,
/// justification categories, relationships, paraphrases, with a line between groups); each cell shows SI and, for up
/// to <see cref="MaxModelsWithIntervals"/> models, its 95% interval.
/// </summary>
internal static class FactorHeatmapChart
{
    public const string Name = "si-by-factor";
    public const int MaxModelsWithIntervals = 12;
    private const int RowHeightWithIntervals = 44;

    public static RenderedChart? Render(Report report, ChartOutput output)
    {
        var models = ChartStyle.ModelOrder(report).Where(m => m.ByFactor.Any(f => f.SycophancyIndex.Value is not null)).ToArray();
        if (models.Length == 0)
            return null;

        var levels = models[0].ByFactor.Select(f => (f.Factor, f.Level)).ToArray();
        var cells = new Reporting.Paired.Estimate?[models.Length, levels.Length];
        var values = new double[models.Length, levels.Length];
        for (var m = 0; m < models.Length; m++)
        {
            for (var l = 0; l < levels.Length; l++)
            {
                var cell = models[m].ByFactor.FirstOrDefault(f => f.Factor == levels[l].Factor && f.Level == levels[l].Level);
                cells[m, l] = cell?.SycophancyIndex;
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
        heatmap.Colormap = ChartStyle.SignColormap;
        heatmap.ManualRange = new ScottPlot.Range(-extent, extent);
        heatmap.NaNCellColor = Color.FromHex("#EEEEEE");
        var colorBar = plot.Add.ColorBar(heatmap);
        colorBar.Label = "SI";

        // Row m of the table is drawn at y = M − 1 − m (ScottPlot puts the first row on top); columns at x = 0, 1, ….
        var intervals = models.Length <= MaxModelsWithIntervals;
        if (models.Length <= 25)
        {
            for (var m = 0; m < models.Length; m++)
            {
                for (var l = 0; l < levels.Length; l++)
                {
                    var value = values[m, l];
                    var ink = double.IsFinite(value) && Math.Abs(value) > extent * 0.6 ? Colors.White : ChartStyle.InkColor;
                    var y = models.Length - 1 - m;
                    var label = plot.Add.Text(double.IsFinite(value) ? value.ToString("0.00", CultureInfo.InvariantCulture) : "—", l, intervals ? y + 0.14 : y);
                    label.Alignment = Alignment.MiddleCenter;
                    label.LabelFontSize = 11;
                    label.LabelFontColor = ink;
                    if (intervals && cells[m, l] is { Low: { } low, High: { } high })
                    {
                        var range = plot.Add.Text($"[{low.ToString("0.00", CultureInfo.InvariantCulture)}, {high.ToString("0.00", CultureInfo.InvariantCulture)}]", l, y - 0.2);
                        range.Alignment = Alignment.MiddleCenter;
                        range.LabelFontSize = 8.5f;
                        range.LabelFontColor = ink;
                    }
                }
            }
        }

        // A line between factor groups, so amounts, categories and relationships read as separate blocks.
        for (var l = 1; l < levels.Length; l++)
        {
            if (levels[l].Factor == levels[l - 1].Factor)
                continue;
            var separator = plot.Add.VerticalLine(l - 0.5, 2.5f, ChartStyle.InkColor);
            separator.LinePattern = LinePattern.Solid;
        }

        var columnLabels = levels.Select(l => $"{l.Factor} = {l.Level}").ToArray();
        var columnPositions = Enumerable.Range(0, levels.Length).Select(i => (double)i).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(columnPositions, columnLabels);
        plot.Axes.Bottom.TickLabelStyle.Rotation = 40;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.UpperLeft;
        var bottom = 20 + 4.4f * columnLabels.Max(c => c.Length);
        plot.Axes.Bottom.MinimumSize = bottom;
        var rowPositions = Enumerable.Range(0, models.Length).Select(i => (double)(models.Length - 1 - i)).ToArray();
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(rowPositions, models.Select(m => report.Metadata.ModelName(m.ModelId)).ToArray());
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.SetLimits(-0.5, levels.Length - 0.5, -0.5, models.Length - 0.5);
        plot.Title(ChartStyle.Title("SI by factor level", report));
        plot.HideGrid();

        var rowHeight = intervals ? RowHeightWithIntervals : ChartStyle.RowHeight(models.Length);
        var height = (int)(90 + bottom + rowHeight * Math.Max(3, models.Length));
        var caption = "Each cell is SI over the triplets of one amount, justification category or relationship"
            + (intervals ? ", with its 95% bootstrap interval below it" : "")
            + ". Purple: sides with the asker; green: contrarian; grey: not computable. Lines separate the factors; models in the "
            + "same order as in the forest plot. Exploratory: the intervals of every cell are in the SI by factor tables and in stats.json.";
        return ChartRenderer.Finish(plot, Name, "SI by factor level (heatmap)", caption, ChartStyle.Width + 80, height, output);
    }
}
