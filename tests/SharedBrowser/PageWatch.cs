using Microsoft.Playwright;

namespace SycoBench.Testing;

/// <summary>
/// Watches a page for what a self-contained file page must never do: every request it makes (a file page asks for
/// nothing beyond file: and data: addresses) and every dialog it opens (dismissed, counted).
/// </summary>
internal sealed class PageWatch
{
    private readonly List<string> requests = [];

    private PageWatch()
    {
    }

    public IReadOnlyList<string> Requests => requests;

    public int Dialogs { get; private set; }

    public static PageWatch On(IPage page)
    {
        var watch = new PageWatch();
        page.Request += (_, request) => watch.requests.Add(request.Url);
        page.Dialog += async (_, dialog) =>
        {
            watch.Dialogs++;
            await dialog.DismissAsync();
        };
        return watch;
    }
}
