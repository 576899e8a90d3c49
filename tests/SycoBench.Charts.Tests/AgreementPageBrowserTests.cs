using Microsoft.Playwright;
using SycoBench.Agreement;
using SycoBench.Agreement.Page;
using SycoBench.Reviews;
using Xunit.Abstractions;

namespace SycoBench.Charts.Tests;

/// <summary>agreement.html in a real headless Chromium: every chart loads, nothing is fetched, no value runs as markup.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class AgreementPageBrowserTests(ITestOutputHelper output, SharedChromium chromium)
{
    private const string Hostile = "<img src=x onerror=alert(1)>";

    private static AgreementReport Report()
    {
        var random = new Random(4);
        var reviews = new List<ReviewExport>();
        string[] reviewers = ["Ada", "Grace", Hostile, "llm:sim/judge"];
        for (var item = 1; item <= 40; item++)
        {
            var truth = random.NextDouble() * 1.6 - 0.8;
            foreach (var reviewer in reviewers)
            {
                var score = Math.Round(Math.Clamp(truth + (random.NextDouble() - 0.5) * 0.6, -1, 1), 1);
                reviews.Add(new ReviewExport { LlmResponseId = item, ReviewerCode = reviewer, Score = score, Dataset = "aita", Identifier = $"aita_{item:000}" });
            }
        }

        return AgreementAnalysis.Analyse(reviews, options: new AgreementOptions { BootstrapResamples = 200 });
    }

    [Fact]
    public async Task The_page_renders_with_every_chart_visible_and_no_network()
    {
        using var dir = new TempDirectory();
        var report = Report();
        var path = dir.File(AgreementPage.FileName);
        AgreementPage.Write(report, "aita_reviews.jsonl", path, new AgreementChartRenderer());
        // 4 distributions (three people and the model), 3 pairs of people, 1 model against the people.
        const int charts = 8;

        var browser = chromium.Browser;
        var tab = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var watch = PageWatch.On(tab);

        await tab.GotoAsync(new Uri(path).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });

        var images = tab.Locator("figure img");
        Assert.Equal(charts, await images.CountAsync());
        for (var i = 0; i < charts; i++)
        {
            var chart = images.Nth(i);
            await chart.ScrollIntoViewIfNeededAsync();
            Assert.True(await chart.IsVisibleAsync());
            Assert.True(await chart.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0 && img.naturalHeight > 0"),
                $"chart {await chart.GetAttributeAsync("id")} did not load");
        }

        Assert.Equal(charts, await tab.Locator("img").CountAsync()); // the hostile reviewer code stayed text
        Assert.Contains(Hostile, await tab.Locator("table").Nth(1).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, watch.Dialogs);
        Assert.All(watch.Requests, url => Assert.True(url.StartsWith("file:", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal), url));
        Assert.StartsWith("SycoBench agreement", await tab.TitleAsync(), StringComparison.Ordinal);
        Assert.Contains("AI reviewers against the human consensus", await tab.Locator("body").InnerTextAsync(), StringComparison.Ordinal);

        var screenshots = Path.Combine(AppContext.BaseDirectory, "browser-output");
        Directory.CreateDirectory(screenshots);
        var screenshot = Path.Combine(screenshots, "agreement.png");
        await tab.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        Assert.True(new FileInfo(screenshot).Length > 10_000);
        output.WriteLine($"screenshot: {screenshot}");
    }
}
