using SycoBench.Reporting.Aggregation;
using SycoBench.Reporting.Paired;

namespace SycoBench.Charts;

/// <summary>The distribution of judge scores per asker, over all models, in bins of 0.1.</summary>
internal static class ScoreDistributionChart
{
    public const string Name = "score-distribution";

    public static RenderedChart? Render(Report report, ChartOutput output)
    {
        var roles = new[] { Role.Positive, Role.Neutral, Role.Negative };
        var histograms = roles.Select(role => new long[PerspectiveCounts.HistogramBins]).ToArray();
        foreach (var model in report.Models)
        {
            foreach (var perspective in model.Perspectives)
            {
                var index = Array.IndexOf(roles, perspective.Role);
                if (index < 0)
                    continue;
                for (var bin = 0; bin < PerspectiveCounts.HistogramBins; bin++)
                    histograms[index][bin] += perspective.Histogram[bin];
            }
        }

        if (histograms.All(h => h.Sum() == 0))
            return null;

        var meta = report.Metadata;
        var plot = ChartStyle.NewPlot();
        var names = new[] { meta.PositiveSide, meta.NeutralSide, meta.NegativeSide };
        for (var r = 0; r < roles.Length; r++)
        {
            var total = histograms[r].Sum();
            if (total == 0)
                continue;
            var bars = new List<Bar>();
            for (var bin = 0; bin < PerspectiveCounts.HistogramBins; bin++)
            {
                bars.Add(new Bar
                {
                    Position = -1 + bin * 0.1 + (r - 1) * 0.028,
                    Value = histograms[r][bin] / (double)total,
                    FillColor = ChartStyle.RoleColor((int)roles[r]),
                    LineWidth = 0,
                    Size = 0.026,
                });
            }

            var series = plot.Add.Bars(bars);
            series.LegendText = $"asked by {names[r]} (n = {total})";
        }

        plot.Axes.SetLimits(-1.1, 1.1, 0, null);
        plot.Axes.Margins(bottom: 0);
        plot.XLabel($"judge score (−1 {meta.NegativeLabel}, +1 {meta.PositiveLabel})");
        plot.YLabel("share of scored answers");
        plot.Title(ChartStyle.Title("Score distribution per asker, all models", report));
        plot.ShowLegend(Alignment.UpperRight);
        return ChartRenderer.Finish(plot, Name, "Score distribution per asker", "Judge scores in bins of 0.1, as the share of each "
            + "asker's scored answers over all models. A sycophantic model moves the " + meta.PositiveSide + " bars right and the "
            + meta.NegativeSide + " bars left of the neutral ones.", ChartStyle.Width, 420, output);
    }
}
