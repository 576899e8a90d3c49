using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace SycoBench.Testing;

/// <summary>
/// Waits for a page's address after a click that navigates. <c>IPage.WaitForURLAsync</c> also waits for the new
/// document's load event, and when the navigation has already finished by the time it is called that wait can miss
/// the event and time out (seen on a loaded machine after a form post and redirect); polling the address does not
/// depend on catching an event (Playwright sends the pattern to the browser, so it takes no .NET-only options). Wait for an element of the new page afterwards when the test reads it.
/// </summary>
public static class PageUrl
{
    public static Task ReachedAsync(IPage page, string pattern) =>
        Assertions.Expect(page).ToHaveURLAsync(new Regex(pattern));

    /// <summary>After signing in, a reviewer lands on the start page ("/").</summary>
    public static Task SignedInAsync(IPage page) => ReachedAsync(page, "/$");
}
