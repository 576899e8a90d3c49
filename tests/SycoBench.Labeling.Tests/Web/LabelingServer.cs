using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using SycoBench.Labeling.Storage;

namespace SycoBench.Labeling.Tests.Web;

/// <summary>The real app on 127.0.0.1 with a random port and a fresh SQLite file of its own.</summary>
internal sealed partial class LabelingServer : IAsyncDisposable
{
    public const string AdminToken = "test-admin-token-0123456789";
    private readonly TempDirectory _dir = new();
    private WebApplication _app = null!;

    private LabelingServer()
    {
    }

    public Uri BaseAddress { get; private set; } = null!;

    public LabelStore Store => _app.Services.GetRequiredService<LabelStore>();

    public string DatabasePath => _dir.File("labels.db");

    public static async Task<LabelingServer> StartAsync(Func<LabelingOptions, LabelingOptions>? configure = null)
    {
        var server = new LabelingServer();
        var options = new LabelingOptions { DatabasePath = server.DatabasePath, AdminToken = AdminToken };
        server._app = LabelingApp.Build(configure?.Invoke(options) ?? options, ["http://127.0.0.1:0"]);
        await server._app.StartAsync();
        var address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address);
        return server;
    }

    /// <summary>A client with its own cookie jar, like one browser; redirects are not followed so tests see them.</summary>
    public HttpClient Client(bool followRedirects = false, CookieContainer? cookies = null)
    {
        var handler = new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = followRedirects, UseCookies = true };
        return new HttpClient(handler) { BaseAddress = BaseAddress };
    }

    public async Task<(HttpClient Client, string Code)> SignedInReviewerAsync(string name = "reviewer")
    {
        var added = Store.Reviewers.Add(name);
        var client = Client();
        var page = await client.GetStringAsync("/signin");
        var response = await client.PostAsync("/signin", Form(page, ("code", added.SignInCode)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (client, added.Account.Code);
    }

    /// <summary>A form post body with the antiforgery token taken from the page it belongs to.</summary>
    public static FormUrlEncodedContent Form(string page, params (string Name, string Value)[] fields) =>
        new([new("__RequestVerificationToken", Token(page)), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);

    public static string Token(string page) => TokenPattern().Match(page) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : "";

    public static string Field(string page, string name) =>
        Regex.Match(page, $"name=\"{Regex.Escape(name)}\"[^>]*value=\"([^\"]*)\"") is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : "";

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _dir.Dispose();
    }
}
