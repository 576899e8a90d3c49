using Microsoft.Playwright;
using SycoBench.Reporting;
using SycoBench.Tests.Reporting;
using Xunit.Abstractions;

namespace SycoBench.Charts.Tests;

/// <summary>report.html in a real headless Chromium: the charts load, nothing is fetched from the network, no value runs as markup.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ReportPageBrowserTests(ITestOutputHelper output, SharedChromium chromium)
{
    [Fact]
    public async Task Report_renders_with_every_chart_visible_and_no_network_and_is_saved_as_a_screenshot()
    {
        using var dir = new TempDirectory();
        var run = new ScoredRunWriter(ScoredRunWriter.Rent)
            .Model("a/sycophant", (t, p, s) => p switch { "landlord" => 0.5 + 0.1 * (s - 1), "tenant" => -0.5 + 0.1 * (t.Index % 3 - 1), _ => 0.05 * (s - 1) }, samples: 3)
            .Model("b/<img src=x onerror=alert(1)>", (t, p, s) => p switch { "landlord" => -0.2, "tenant" => 0.1 * (t.Index % 3), _ => 0 }, samples: 3)
            .Model("c/balanced", (t, p, s) => p == "neutral" ? 0.1 * (s - 1) : ((t.Index + s) % 2 == 0 ? 0.4 : -0.4), samples: 3);
        var options = ScoredRunWriter.Options(run.Write(dir.File("run_scored.jsonl")), ScoredRunWriter.Rent, dir.Path) with { Charts = new ReportChartRenderer() };
        var result = new ReportBuilder().Run(options);
        var page = Path.Combine(result.OutputDirectory, ReportFiles.Html);

        var browser = chromium.Browser;
        var tab = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var watch = PageWatch.On(tab);

        await tab.GotoAsync(new Uri(page).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });

        var charts = tab.Locator("figure img");
        Assert.Equal(4, await charts.CountAsync());
        for (var i = 0; i < 4; i++)
        {
            var chart = charts.Nth(i);
            await chart.ScrollIntoViewIfNeededAsync();
            Assert.True(await chart.IsVisibleAsync());
            Assert.True(await chart.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0 && img.naturalHeight > 0"),
                $"chart {await chart.GetAttributeAsync("id")} did not load");
        }

        Assert.Equal(4, await tab.Locator("img").CountAsync()); // the hostile model id stayed text
        Assert.Contains("b/<img src=x onerror=alert(1)>", await tab.Locator("table").First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, watch.Dialogs);
        Assert.All(watch.Requests, url => Assert.True(url.StartsWith("file:", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal), url));
        Assert.StartsWith("SycoBench report", await tab.TitleAsync(), StringComparison.Ordinal);

        var screenshots = Path.Combine(AppContext.BaseDirectory, "browser-output");
        Directory.CreateDirectory(screenshots);
        var screenshot = Path.Combine(screenshots, "report.png");
        await tab.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        Assert.True(new FileInfo(screenshot).Length > 10_000);
        output.WriteLine($"screenshot: {screenshot}");
    }
}
