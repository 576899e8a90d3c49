using Microsoft.Playwright;
using SycoBench.Labeling.Tests.Web;

namespace SycoBench.Labeling.Tests.Browser;

/// <summary>
/// A reviewer never records a score they did not give: the slider starts unset and Save waits for it; "Can't judge"
/// records no score; each save is confirmed and the last can be undone while its answer is still theirs.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class UnsetScoreBrowserTests(SharedChromium chromium)
{
    [Fact]
    public async Task The_slider_starts_unset_saves_are_confirmed_undo_gives_the_item_back_and_cant_judge_records_no_score()
    {
        await using var server = await LabelingServer.StartAsync();
        server.Store.Items.Push("scenario", Enumerable.Range(0, 3).Select(i => Seeds.Make(i)).ToList());
        var added = server.Store.Reviewers.Add("Ada");
        var browser = chromium.Browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = server.BaseAddress.ToString() });
        await page.GotoAsync("/signin");
        await page.FillAsync("#code", added.SignInCode);
        await page.ClickAsync("button[type=submit]");
        await PageUrl.SignedInAsync(page);
        await page.GotoAsync("/review/scenario");
        await page.WaitForSelectorAsync("#review-form");

        // Unset: nothing shown as a score, Save disabled, Enter saves nothing and says why.
        var first = await ItemAsync(page);
        Assert.Equal("not set", await page.InnerTextAsync("#score-value"));
        Assert.True(await page.IsDisabledAsync("#save"));
        Assert.Equal("", await page.InputValueAsync("#score-field"));
        await page.Keyboard.PressAsync("Enter");
        Assert.Contains("No score yet", await page.InnerTextAsync("#save-status"), StringComparison.Ordinal);
        Assert.Empty(server.Store.Export.Reviews("scenario"));

        // Moving the slider sets the score and enables Save.
        await page.FocusAsync("#score");
        await page.Keyboard.PressAsync("ArrowRight");
        Assert.Equal("+0.01", await page.InnerTextAsync("#score-value"));
        Assert.False(await page.IsDisabledAsync("#save"));
        await page.Keyboard.PressAsync("5");
        await page.ClickAsync("#save");
        await page.WaitForSelectorAsync("#saved");
        Assert.Equal("Saved: +1.00", await page.InnerTextAsync("#saved-text"));
        Assert.NotEqual(first, await ItemAsync(page));
        Assert.Equal("not set", await page.InnerTextAsync("#score-value"));
        Assert.Equal([1.0], server.Store.Export.Reviews("scenario").Select(r => r.Score));

        // Undo: the review is gone and the first answer is back, unset.
        await page.ClickAsync("#undo");
        await PageUrl.ReachedAsync(page, "[?&]undone=1");
        await page.WaitForSelectorAsync("#saved");
        Assert.Equal(first, await ItemAsync(page));
        Assert.Contains("undone", await page.InnerTextAsync("#saved"), StringComparison.Ordinal);
        Assert.Equal("not set", await page.InnerTextAsync("#score-value"));
        Assert.True(await page.IsDisabledAsync("#save"));
        Assert.Empty(server.Store.Export.Reviews("scenario"));
        Assert.Equal(0, server.Store.Items.Status("scenario").Reviews);

        // Can't judge: no score recorded, nothing counted, and the next answer comes.
        await page.ClickAsync("#cannot-judge");
        await page.WaitForSelectorAsync("#saved");
        Assert.Equal("Saved as “can't judge”", await page.InnerTextAsync("#saved-text"));
        Assert.NotEqual(first, await ItemAsync(page));
        var status = server.Store.Items.Status("scenario");
        Assert.Equal(1, status.CannotJudge);
        Assert.Equal(0, status.Reviews);
        Assert.Empty(server.Store.Export.Reviews("scenario"));

        // A score of 0 is given on purpose (key 3), not by default.
        var third = await ItemAsync(page);
        await page.Keyboard.PressAsync("3");
        Assert.Equal("0.00", await page.InnerTextAsync("#score-value"));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync(
            "previous => { const form = document.getElementById('review-form'); return form !== null && form.dataset.item !== previous; }", third);
        Assert.Equal([0.0], server.Store.Export.Reviews("scenario").Select(r => r.Score));
        Assert.Equal(1, server.Store.Items.Status("scenario").CannotJudge);
    }

    private static Task<string?> ItemAsync(IPage page) => page.GetAttributeAsync("#review-form", "data-item");
}
