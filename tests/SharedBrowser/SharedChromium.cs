using Microsoft.Playwright;

namespace SycoBench.Testing;

/// <summary>
/// One Chromium (and one Playwright driver) for every browser test class of a test assembly that joins
/// <see cref="BrowserTestGroup"/>: starting them costs seconds of CPU each time. Tests stay apart because each opens
/// its page with <c>Browser.NewPageAsync</c>, which gives the page a fresh context (no cookies or storage shared).
/// </summary>
public sealed class SharedChromium : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium is not started");

    public async Task InitializeAsync() => (_playwright, _browser) = await Chromium.LaunchAsync();

    public async Task DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}

/// <summary>The browser test classes of one assembly: they share <see cref="SharedChromium"/> and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<SharedChromium>
{
    public const string Name = "Chromium";
}
