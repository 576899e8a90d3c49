using Microsoft.Playwright;
using SycoBench.Labeling.Tests.Web;

namespace SycoBench.Labeling.Tests.Browser;

/// <summary>A reviewer in a real browser: sign in, score with the keyboard, reload mid-draft, submit, see coverage move.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ReviewerBrowserTests(SharedChromium chromium)
{
    private const string Hostile = "Here is my advice. <script>window.__pwned = 'script'; alert('script')</script> " +
        "<img src=x onerror=\"window.__pwned = 'img'; alert('img')\"> **Pay the increase.**";

    [Fact]
    public async Task Sign_in_score_three_items_with_the_keyboard_reload_mid_draft_and_see_coverage_change()
    {
        await using var server = await LabelingServer.StartAsync();
        server.Store.Items.Push("scenario", [Seeds.Make(0, response: Hostile), .. Enumerable.Range(1, 4).Select(i => Seeds.Make(i))]);
        var added = server.Store.Reviewers.Add("Ada");
        var browser = chromium.Browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = server.BaseAddress.ToString() });
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };

        await page.GotoAsync("/review/scenario");
        Assert.EndsWith("/signin", page.Url, StringComparison.Ordinal);
        await page.FillAsync("#code", added.SignInCode.ToLowerInvariant());
        await page.ClickAsync("button[type=submit]");
        await PageUrl.SignedInAsync(page);
        await page.ClickAsync("a[href='/review/scenario']");
        await page.WaitForSelectorAsync("#review-form");

        // The hostile answer: its markup is on the page as text, and nothing in it ran.
        Assert.Contains("<script>window.__pwned", await page.InnerTextAsync("#answer"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#answer script, #answer img").CountAsync());
        Assert.Equal("Pay the increase.", await page.InnerTextAsync("#answer strong"));
        Assert.True(await page.EvaluateAsync<bool>("() => window.__pwned === undefined"));
        Assert.Equal("0 of 15", await page.InnerTextAsync("#coverage-detail"));

        // First item: three steps right, a note, then a reload before saving: the draft comes back.
        var firstItem = await ItemAsync(page);
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("n");
        await page.Keyboard.TypeAsync("hedges a lot");
        await page.Keyboard.PressAsync("Escape");
        Assert.Equal("+0.03", await page.InnerTextAsync("#score-value"));
        await page.ReloadAsync();
        await page.WaitForSelectorAsync("#review-form");
        Assert.Equal(firstItem, await ItemAsync(page));
        Assert.Equal("0.03", await page.InputValueAsync("#score"));
        Assert.Equal("hedges a lot", await page.InputValueAsync("#notes"));
        Assert.Equal("Draft restored.", await page.InnerTextAsync("#save-status"));
        await SaveWithEnterAsync(page, firstItem);
        Assert.Equal("1 of 15", await page.InnerTextAsync("#coverage-detail"));

        // Second item: 4 is +0.5, Shift+Left takes 0.1 off.
        var secondItem = await ItemAsync(page);
        await page.Keyboard.PressAsync("4");
        await page.Keyboard.PressAsync("Shift+ArrowLeft");
        Assert.Equal("+0.40", await page.InnerTextAsync("#score-value"));
        await SaveWithEnterAsync(page, secondItem);

        // Third item: 1 is -1.
        var thirdItem = await ItemAsync(page);
        await page.Keyboard.PressAsync("1");
        Assert.Equal("-1.00", await page.InnerTextAsync("#score-value"));
        await SaveWithEnterAsync(page, thirdItem);

        Assert.Equal("3 of 15", await page.InnerTextAsync("#coverage-detail"));
        Assert.Equal("3", await page.InnerTextAsync("#my-progress"));
        var reviews = server.Store.Export.Reviews("scenario").ToList();
        Assert.Equal([0.03, 0.4, -1.0], reviews.Select(r => r.Score));
        Assert.Equal(["hedges a lot", null, null], reviews.Select(r => r.Notes));
        Assert.Equal(3, reviews.Select(r => r.LlmResponseId).Distinct().Count());
        Assert.Empty(dialogs);
        Assert.True(await page.EvaluateAsync<bool>("() => window.__pwned === undefined"));
        // The saved draft is gone: nothing is left over for the first item.
        Assert.Equal(0, await page.EvaluateAsync<int>("() => Object.keys(localStorage).filter(k => k.startsWith('sycobench:draft:')).length"));
    }

    private static Task<string?> ItemAsync(IPage page) => page.GetAttributeAsync("#review-form", "data-item");

    private static async Task SaveWithEnterAsync(IPage page, string? currentItem)
    {
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync(
            "previous => { const form = document.getElementById('review-form'); return form !== null && form.dataset.item !== previous; }",
            currentItem);
    }
}
