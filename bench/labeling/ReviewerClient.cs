using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace SycoBench.Bench.Labeling;

/// <summary>One simulated reviewer: its own cookies, signs in once, then asks for the next item and scores it, in a loop.</summary>
internal sealed partial class ReviewerClient(Uri address, string signInCode, int seed) : IReviewer
{
    private readonly HttpClient _client = new(new SocketsHttpHandler
    {
        CookieContainer = new CookieContainer(),
        UseCookies = true,
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(10),
    })
    { BaseAddress = address };

    private readonly Random _random = new(seed);

    public async Task SignInAsync(CancellationToken cancellationToken)
    {
        var page = await _client.GetStringAsync("/signin", cancellationToken);
        using var response = await _client.PostAsync("/signin", Form(page, ("code", signInCode)), cancellationToken);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"sign-in failed: {(int)response.StatusCode}");
    }

    /// <summary>One review: the next-item page, then the submission. Returns both latencies in milliseconds.</summary>
    public async Task<(double NextMs, double SubmitMs)> ReviewOnceAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var page = await _client.GetStringAsync("/review/scenario", cancellationToken);
        var next = Stopwatch.GetElapsedTime(started).TotalMilliseconds;

        var score = Math.Round(_random.NextDouble() * 2 - 1, 2).ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/review/scenario/submit")
        {
            Content = Form(page, ("item_id", Field(page, "item_id")), ("submission_id", Field(page, "submission_id")), ("score", score), ("notes", "")),
        };
        request.Headers.Accept.ParseAdd("application/json");
        started = Stopwatch.GetTimestamp();
        using var response = await _client.SendAsync(request, cancellationToken);
        await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var submit = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (response.StatusCode != HttpStatusCode.Created)
            throw new InvalidOperationException($"submission refused: {(int)response.StatusCode}");
        return (next, submit);
    }

    private static FormUrlEncodedContent Form(string page, params (string Name, string Value)[] fields) =>
        new([new("__RequestVerificationToken", Field(page, "__RequestVerificationToken")), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);

    private static string Field(string page, string name)
    {
        var match = Regex.Match(page, $"name=\"{Regex.Escape(name)}\"[^>]*value=\"([^\"]*)\"");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException($"no {name} on the page");
    }

    public void Dispose() => _client.Dispose();
}
