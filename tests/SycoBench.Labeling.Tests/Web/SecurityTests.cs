using System.Net;
using System.Net.Http.Headers;

namespace SycoBench.Labeling.Tests.Web;

/// <summary>Sign-in, antiforgery, admin token, headers, markup. The admin-token checks share one server (<see cref="SharedLabelingServer"/>).</summary>
public sealed class SecurityTests(SharedLabelingServer shared) : IClassFixture<SharedLabelingServer>
{
    [Fact]
    public async Task Posts_without_the_antiforgery_token_are_refused_and_store_nothing()
    {
        await using var server = await LabelingServer.StartAsync();
        server.Store.Items.Push("scenario", Seeds.Many(2));
        var added = server.Store.Reviewers.Add("eve");
        var (client, _) = await server.SignedInReviewerAsync();
        var page = await client.GetStringAsync("/review/scenario");

        var signIn = await server.Client().PostAsync("/signin", new FormUrlEncodedContent([new("code", added.SignInCode)]));
        var submit = await client.PostAsync("/review/scenario/submit", new FormUrlEncodedContent([
            new("item_id", LabelingServer.Field(page, "item_id")), new("submission_id", Guid.NewGuid().ToString("N")), new("score", "0.5")]));
        var forged = await client.PostAsync("/review/scenario/submit", new FormUrlEncodedContent([
            new("__RequestVerificationToken", "CfDJ8forged"), new("item_id", LabelingServer.Field(page, "item_id")),
            new("submission_id", Guid.NewGuid().ToString("N")), new("score", "0.5")]));

        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
        Assert.False(signIn.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("sycobench_reviewer=", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.BadRequest, submit.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Empty(server.Store.Export.Reviews("scenario"));
    }

    [Fact]
    public async Task Unknown_codes_do_not_sign_in()
    {
        await using var server = await LabelingServer.StartAsync();
        var client = server.Client();
        var page = await client.GetStringAsync("/signin");

        var response = await client.PostAsync("/signin", LabelingServer.Form(page, ("code", "AAAAA-BBBBB-CCCCC-DDDDD")));
        var freeText = await client.PostAsync("/signin", LabelingServer.Form(page, ("code", "alice")));
        var review = await client.GetAsync("/review/scenario");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, freeText.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, review.StatusCode);
        Assert.Equal("/signin", review.Headers.Location!.OriginalString.Split('?')[0]);
    }

    [Fact]
    public async Task Sign_in_attempts_are_rate_limited_per_address()
    {
        await using var server = await LabelingServer.StartAsync(o => o with { SignInAttemptsPerMinute = 3 });
        var client = server.Client();
        var page = await client.GetStringAsync("/signin");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
            statuses.Add((await client.PostAsync("/signin", LabelingServer.Form(page, ("code", "AAAAA-BBBBB-CCCCC-DDDDD")))).StatusCode);

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task A_disabled_reviewer_is_signed_out()
    {
        await using var server = await LabelingServer.StartAsync();
        var (client, code) = await server.SignedInReviewerAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        server.Store.Reviewers.Disable(code);

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/reviewers")]
    [InlineData("/admin/export/scenario")]
    public async Task Admin_pages_need_the_admin_token(string path)
    {
        var server = shared.Server;
        var (reviewer, _) = await server.SignedInReviewerAsync();

        var anonymous = await server.Client().GetAsync(path);
        var asReviewer = await reviewer.GetAsync(path);
        var wrong = new HttpRequestMessage(HttpMethod.Get, path);
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-token-at-all");
        var withWrongToken = await server.Client().SendAsync(wrong);
        var right = new HttpRequestMessage(HttpMethod.Get, path);
        right.Headers.Authorization = new AuthenticationHeaderValue("Bearer", LabelingServer.AdminToken);
        var withToken = await server.Client().SendAsync(right);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, asReviewer.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withWrongToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
    }

    [Fact]
    public async Task The_admin_sign_in_form_opens_the_admin_pages_in_the_browser()
    {
        await using var server = await LabelingServer.StartAsync();
        var client = server.Client();
        var page = await client.GetStringAsync("/admin/signin");

        var wrong = await client.PostAsync("/admin/signin", LabelingServer.Form(page, ("token", "guess-guess-guess-guess")));
        var right = await client.PostAsync("/admin/signin", LabelingServer.Form(page, ("token", LabelingServer.AdminToken)));
        var status = await client.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Contains("scenario", await status.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers_and_the_cookie_is_http_only_and_same_site()
    {
        await using var server = await LabelingServer.StartAsync();
        var added = server.Store.Reviewers.Add("x");
        var client = server.Client();
        var page = await client.GetAsync("/signin");
        var signIn = await client.PostAsync("/signin", LabelingServer.Form(await page.Content.ReadAsStringAsync(), ("code", added.SignInCode)));
        var script = await client.GetAsync("/static/review.js");

        foreach (var response in new[] { page, signIn, script })
        {
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        }

        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("sycobench_reviewer=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("expires=", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Markup_in_an_answer_or_prompt_reaches_the_page_only_as_text()
    {
        await using var server = await LabelingServer.StartAsync();
        server.Store.Items.Push("scenario", [Seeds.Make(1, response: "**Bold** <script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3))") with
        {
            PromptBody = "<b onmouseover=alert(4)>hi</b>",
            PromptTitle = "\"><script>alert(5)</script>",
        }]);
        var (client, _) = await server.SignedInReviewerAsync();

        var page = await client.GetStringAsync("/review/scenario");

        Assert.Contains("<strong>Bold</strong>", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", page, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<b onmouseover", page, StringComparison.Ordinal);
        Assert.Contains("&lt;b onmouseover=alert(4)&gt;hi&lt;/b&gt;", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
    }
}
