using SycoBench.Reporting;
using SycoBench.Scenarios;
using SycoBench.Tests.Reporting;

namespace SycoBench.Charts.Tests;

/// <summary>The chart files a report writes, and what report.html says about the charts.</summary>
public sealed class ReportChartFilesTests
{
    [Fact]
    public void A_model_without_si_is_left_out_of_the_forest_plot_and_the_caption_says_so()
    {
        using var dir = new TempDirectory();
        var run = new ScoredRunWriter(ScoredRunWriter.Rent).Model("a/full", (_, p, _) => p == "landlord" ? 0.5 : 0);
        foreach (var prompt in GridBuilder.Build(ScoredRunWriter.Rent).Prompts.Where(p => p.Perspective == "neutral"))
            run.Add(ScoredRunWriter.Record("b/neutral-only", prompt, 0.2));
        var options = ScoredRunWriter.Options(run.Write(dir.File("run_scored.jsonl")), ScoredRunWriter.Rent, dir.Path) with { Charts = new ReportChartRenderer() };

        new ReportBuilder().Run(options);

        Assert.Contains("1 model(s) without SI are not shown", File.ReadAllText(dir.File("report.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_with_one_model_gets_all_four_charts_as_png_and_svg()
    {
        using var dir = new TempDirectory();
        var run = new ScoredRunWriter(ScoredRunWriter.Rent).Model("solo", (_, p, _) => p == "tenant" ? -0.5 : 0);
        new ReportBuilder().Run(ScoredRunWriter.Options(run.Write(dir.File("run_scored.jsonl")), ScoredRunWriter.Rent, dir.Path) with { Charts = new ReportChartRenderer() });

        Assert.Equal(4, Directory.GetFiles(dir.Path, "chart-*.png").Length);
        Assert.Equal(4, Directory.GetFiles(dir.Path, "chart-*.svg").Length);
    }

    [Fact]
    public void Without_a_renderer_the_report_has_no_chart_files_and_no_chart_section()
    {
        using var dir = new TempDirectory();
        var run = new ScoredRunWriter(ScoredRunWriter.Rent).Model("solo", (_, p, _) => p == "tenant" ? -0.5 : 0);
        new ReportBuilder().Run(ScoredRunWriter.Options(run.Write(dir.File("run_scored.jsonl")), ScoredRunWriter.Rent, dir.Path));

        Assert.Empty(Directory.GetFiles(dir.Path, "chart-*"));
        Assert.DoesNotContain("<h2>Charts</h2>", File.ReadAllText(dir.File("report.html")), StringComparison.Ordinal);
    }
}
