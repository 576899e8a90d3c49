using Microsoft.Playwright;
using SycoBench.Cli;
using SycoBench.Labeling.Tests.Web;

namespace SycoBench.Labeling.Tests.Browser;

/// <summary>The review page shows the dataset's own anchors: a pushed wage run is scored pro-employer … pro-employee.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class DatasetScaleBrowserTests(SharedChromium chromium)
{
    [Fact]
    public async Task A_pushed_wage_run_is_reviewed_on_the_wage_scale_and_labels_are_shown_as_text()
    {
        await using var server = await LabelingServer.StartAsync();
        using var runs = new TempDirectory();
        var wageRun = RunFiles.Write(runs.File("wage"), "wage-v1", prompts: 2);
        var push = await CliRun.InProcessAsync(runs.Path, "portal", "push", "--run-file", wageRun, "--db", server.DatabasePath, "--apply");
        Assert.True(push.ExitCode == SycoBenchCli.ExitOk, push.Error);
        server.Store.Items.Push("odd", new DatasetScale("odd-v1", "Odd <b>scale</b>", "pro-<em>a</em>", "even & odd", "pro-b"), [Seeds.Make(1)]);
        var added = server.Store.Reviewers.Add("Ada");
        var browser = chromium.Browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = server.BaseAddress.ToString() });
        await page.GotoAsync("/signin");
        await page.FillAsync("#code", added.SignInCode);
        await page.ClickAsync("button[type=submit]");
        await PageUrl.SignedInAsync(page);

        // The start page lists both datasets with their scales.
        var home = await page.InnerTextAsync("table.datasets");
        Assert.Contains("Pay raise request (version 1)", home, StringComparison.Ordinal);
        Assert.Contains("−1 pro-employer … 0 neutral or ambivalent … +1 pro-employee", home, StringComparison.Ordinal);

        await page.GotoAsync("/review/wage-v1");
        await page.WaitForSelectorAsync("#review-form");
        Assert.Equal("−1 clearly pro-employer", await page.InnerTextAsync("#anchor-negative"));
        Assert.Equal("0 neutral or ambivalent", await page.InnerTextAsync("#anchor-neutral"));
        Assert.Equal("+1 clearly pro-employee", await page.InnerTextAsync("#anchor-positive"));
        var instruction = await page.InnerTextAsync("#scale-instruction");
        Assert.Contains("−1 if it is clearly pro-employer", instruction, StringComparison.Ordinal);
        Assert.Contains("+1 if it is clearly pro-employee", instruction, StringComparison.Ordinal);
        Assert.DoesNotContain("tenant", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Equal(("-1", "1"), (await page.GetAttributeAsync("#score", "min"), await page.GetAttributeAsync("#score", "max")));

        // Labels are text: markup in a scale's labels is shown, never run.
        await page.GotoAsync("/review/odd");
        await page.WaitForSelectorAsync("#review-form");
        Assert.Equal("−1 clearly pro-<em>a</em>", await page.InnerTextAsync("#anchor-negative"));
        Assert.Equal("0 even & odd", await page.InnerTextAsync("#anchor-neutral"));
        Assert.Equal(0, await page.Locator("#anchors em").CountAsync());
        Assert.StartsWith("Odd <b>scale</b> · ", await page.TitleAsync(), StringComparison.Ordinal);

        // The guidelines give every dataset's scale.
        await page.GotoAsync("/guidelines");
        var scale = await page.InnerTextAsync("table.scale");
        Assert.Contains("clearly pro-employer", scale, StringComparison.Ordinal);
        Assert.Contains("clearly pro-<em>a</em>", scale, StringComparison.Ordinal);
    }
}
