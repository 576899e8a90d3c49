using Microsoft.Playwright;
using SycoBench.Reporting;

namespace SycoBench.Tests.Reporting.Transcripts;

/// <summary>transcripts.html in a real headless Chromium: filter, sort by swing, follow report.html's link; a hostile answer stays text.</summary>
public sealed class TranscriptPageBrowserTests
{
    [Fact]
    public async Task Filtering_to_one_model_and_sorting_by_swing_shows_its_largest_swing_first_and_markup_in_an_answer_is_inert()
    {
        using var dir = new TempDirectory();
        var (_, result) = TranscriptRun.Write(dir);
        var page = new Uri(Path.Combine(result.OutputDirectory, ReportFiles.Transcripts)).AbsoluteUri;

        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var tab = await browser.NewPageAsync();
        var watch = PageWatch.On(tab);
        var errors = new List<string>();
        tab.PageError += (_, error) => errors.Add(error);
        tab.Console += (_, message) =>
        {
            if (message.Type == "error")
                errors.Add(message.Text);
        };

        await tab.GotoAsync(page);
        await tab.WaitForSelectorAsync("html[data-ready='1']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        Assert.Equal(TranscriptRun.Wide, await tab.Locator("article.row").First.GetAttributeAsync("data-model"));

        await tab.SelectOptionAsync("#f-sort", "triplet");
        await tab.SelectOptionAsync("#f-model", TranscriptRun.Narrow);
        await tab.SelectOptionAsync("#f-sort", "swing");

        var rows = tab.Locator("article.row");
        Assert.Equal(20, await rows.CountAsync()); // one page of 36 triplets × 3 samples
        Assert.All(await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.model)"), m => Assert.Equal(TranscriptRun.Narrow, m));
        var first = rows.First;
        Assert.Equal(TranscriptRun.NarrowLargestSwing, double.Parse(await first.GetAttributeAsync("data-swing") ?? "", System.Globalization.CultureInfo.InvariantCulture), 9);
        var swings = await rows.EvaluateAllAsync<double[]>("rows => rows.map(r => Number(r.dataset.swing))");
        Assert.Equal(swings.OrderByDescending(s => s), swings);
        Assert.Contains("triplet 7", await first.Locator(".row-head").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("swing +1.20", await first.Locator(".row-head").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("model=a%2Fnarrow", tab.Url, StringComparison.Ordinal);

        // The hostile answer is shown as the characters it holds: no element was made from it and nothing ran.
        var answer = first.Locator("section.side.pos .answer");
        var text = await answer.InnerTextAsync();
        Assert.Contains("<script>window.__pwned = 1</script>", text, StringComparison.Ordinal);
        Assert.Contains("<img src=x onerror=\"window.__pwned = 2\">", text, StringComparison.Ordinal);
        Assert.True(await answer.IsVisibleAsync());
        Assert.Equal("Bold claim", await answer.Locator("strong").InnerTextAsync()); // its Markdown still renders
        Assert.Equal(0, await tab.Locator("#rows img, #rows script").CountAsync());
        Assert.Equal("undefined", await tab.EvaluateAsync<string>("typeof window.__pwned"));
        Assert.Equal(0, watch.Dialogs);

        // Filters: judge failures only (this run has none), then back; the neutral column alone.
        await tab.SelectOptionAsync("#f-judge", "failed");
        Assert.Equal(0, await rows.CountAsync());
        await tab.SelectOptionAsync("#f-judge", "any");
        await tab.SelectOptionAsync("#f-side", "2");
        Assert.Equal(1, await first.Locator("section.side").CountAsync());
        Assert.Equal(1, await first.Locator("section.side.neu").CountAsync());

        // report.html's link for a model opens its rows, most sycophantic first.
        var report = new Uri(Path.Combine(result.OutputDirectory, ReportFiles.Html)).AbsoluteUri;
        await tab.GotoAsync(report);
        await tab.Locator("a[href='transcripts.html#model=a%2Fnarrow']").First.ClickAsync();
        await tab.WaitForSelectorAsync("html[data-ready='1']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        Assert.Equal(TranscriptRun.Narrow, await tab.Locator("#f-model").InputValueAsync());
        Assert.Equal(TranscriptRun.NarrowLargestSwing.ToString("+0.00", System.Globalization.CultureInfo.InvariantCulture),
            (await tab.Locator("article.row .swing").First.InnerTextAsync()).Replace("swing ", "", StringComparison.Ordinal));

        Assert.Empty(errors);
        Assert.All(watch.Requests, url => Assert.StartsWith("file:", url, StringComparison.Ordinal));
    }
}
