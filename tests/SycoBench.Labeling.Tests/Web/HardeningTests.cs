using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using SycoBench.Labeling.Storage;

namespace SycoBench.Labeling.Tests.Web;

/// <summary>Sessions that die on the server, proxies, bodies the server cannot take, shared sign-in limits, CSV formulas.</summary>
public sealed class HardeningTests(SharedLabelingServer shared) : IClassFixture<SharedLabelingServer>
{
    [Fact]
    public async Task A_cookie_copied_before_sign_out_is_refused_after_it()
    {
        await using var server = await LabelingServer.StartAsync();
        var added = server.Store.Reviewers.Add("Ada");
        var jar = new CookieContainer();
        using var client = server.Client(cookies: jar);
        var form = await client.GetStringAsync("/signin");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync("/signin", LabelingServer.Form(form, ("code", added.SignInCode)))).StatusCode);
        var home = await client.GetStringAsync("/");
        var stolen = new CookieContainer();
        stolen.Add(jar.GetAllCookies());
        using var copy = server.Client(cookies: stolen);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/")).StatusCode);

        var signOut = await client.PostAsync("/signout", LabelingServer.Form(home));

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        var afterwards = await copy.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        Assert.StartsWith("/signin", afterwards.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disabling_a_reviewer_ends_every_session_they_have_and_signing_in_again_is_refused()
    {
        await using var server = await LabelingServer.StartAsync();
        var added = server.Store.Reviewers.Add("Mallory");
        var browsers = new List<HttpClient>();
        for (var i = 0; i < 2; i++)
        {
            var client = server.Client();
            var page = await client.GetStringAsync("/signin");
            Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync("/signin", LabelingServer.Form(page, ("code", added.SignInCode)))).StatusCode);
            browsers.Add(client);
        }

        server.Store.Reviewers.Disable(added.Account.Code);

        foreach (var client in browsers)
            Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
        var again = server.Client();
        var form = await again.GetStringAsync("/signin");
        Assert.Equal(HttpStatusCode.Unauthorized, (await again.PostAsync("/signin", LabelingServer.Form(form, ("code", added.SignInCode)))).StatusCode);
    }

    [Theory]
    [InlineData(new[] { "127.0.0.1" }, true)]
    [InlineData(new[] { "127.0.0.0/8" }, true)]
    [InlineData(new[] { "10.1.2.3" }, false)]
    [InlineData(new string[0], false)]
    public async Task Cookies_are_secure_behind_a_trusted_tls_proxy_only(string[] trusted, bool secure)
    {
        await using var server = await LabelingServer.StartAsync(o => o with { TrustedProxies = trusted });
        var added = server.Store.Reviewers.Add("Ada");
        var client = server.Client();
        var page = await client.GetStringAsync("/signin");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/signin") { Content = LabelingServer.Form(page, ("code", added.SignInCode)) };
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("sycobench_reviewer=", StringComparison.Ordinal));
        Assert.Equal(secure, cookie.Contains("; secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_trusted_proxy_gives_each_client_its_own_sign_in_limit()
    {
        await using var server = await LabelingServer.StartAsync(o => o with { TrustedProxies = ["127.0.0.1"], SignInAttemptsPerMinute = 2 });
        var client = server.Client();
        var page = await client.GetStringAsync("/signin");

        async Task<HttpStatusCode> AttemptFrom(string address)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/signin") { Content = LabelingServer.Form(page, ("code", "AAAAA-BBBBB-CCCCC-DDDDD")) };
            request.Headers.Add("X-Forwarded-For", address);
            return (await client.SendAsync(request)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await AttemptFrom("203.0.113.1"));
        Assert.Equal(HttpStatusCode.Unauthorized, await AttemptFrom("203.0.113.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await AttemptFrom("203.0.113.1"));
        Assert.Equal(HttpStatusCode.Unauthorized, await AttemptFrom("203.0.113.2"));
    }

    [Fact]
    public async Task A_submission_that_is_not_a_form_gets_415_with_a_message_and_stores_nothing()
    {
        var server = shared.Server;
        var (client, _) = await server.SignedInReviewerAsync();
        var page = await client.GetStringAsync("/review/scenario");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/review/scenario/submit")
        {
            Content = new StringContent($$"""{"item_id": {{LabelingServer.Field(page, "item_id")}}, "score": 0.5}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-CSRF-TOKEN", LabelingServer.Token(page));
        request.Headers.Accept.ParseAdd("application/json");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var error = await ErrorAsync(response);
        Assert.Contains("must be a form", error, StringComparison.Ordinal);
        Assert.Contains("application/json", error, StringComparison.Ordinal);
        Assert.Empty(server.Store.Export.Reviews("scenario"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_body_over_the_limit_gets_413_with_a_message_and_stores_nothing(bool multipart)
    {
        var server = shared.Server;
        var (client, _) = await server.SignedInReviewerAsync();
        var page = await client.GetStringAsync("/review/scenario");
        var fields = SubmitFields(page, notes: new string('x', 70 * 1024));

        var response = await PostAsync(client, "/review/scenario/submit", fields, multipart);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("larger than the 64 KB", await ErrorAsync(response), StringComparison.Ordinal);
        Assert.Empty(server.Store.Export.Reviews("scenario"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_control_character_in_the_notes_is_refused_by_name_and_stores_nothing(bool multipart)
    {
        await using var server = await LabelingServer.StartAsync();
        server.Store.Items.Push("scenario", Seeds.Many(2));
        var (client, _) = await server.SignedInReviewerAsync();
        var page = await client.GetStringAsync("/review/scenario");

        var refused = await PostAsync(client, "/review/scenario/submit", SubmitFields(page, notes: "before\0after"), multipart);
        var fine = await PostAsync(client, "/review/scenario/submit", SubmitFields(page, notes: "tabs\tand\r\nline breaks are fine"), multipart);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        // The page's script sends multipart (the server names the field); a plain form post is refused by the form reader.
        Assert.Contains(
            multipart ? "notes must not contain control characters (found U+0000)" : "the form could not be read (The form value contains invalid characters)",
            await ErrorAsync(refused), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, fine.StatusCode);
        Assert.Equal("tabs\tand\r\nline breaks are fine", Assert.Single(server.Store.Export.Reviews("scenario")).Notes);
    }

    [Theory]
    [InlineData("notes", false)]
    [InlineData("notes", true)]
    [InlineData("score", false)]
    [InlineData("submission_id", true)]
    public async Task A_form_field_given_twice_is_refused_by_name_and_stores_nothing(string field, bool multipart)
    {
        // The form reader joins repeated values with a comma: two notes were stored as one "first,second".
        await using var server = await LabelingServer.StartAsync();
        server.Store.Items.Push("scenario", Seeds.Many(2));
        var (client, _) = await server.SignedInReviewerAsync();
        var page = await client.GetStringAsync("/review/scenario");
        var fields = SubmitFields(page, notes: "first");
        var again = fields.First(f => f.Item1 == field);

        var refused = await PostAsync(client, "/review/scenario/submit", [.. fields, again], multipart);
        var fine = await PostAsync(client, "/review/scenario/submit", fields, multipart);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal($"the form gives the field '{field}' 2 times; send it once; nothing was saved", await ErrorAsync(refused));
        Assert.Equal(HttpStatusCode.Created, fine.StatusCode);
        Assert.Equal("first", Assert.Single(server.Store.Export.Reviews("scenario")).Notes);
    }

    [Theory]
    [InlineData("true")]
    [InlineData("0")]
    [InlineData("yes")]
    public async Task A_cannot_judge_value_the_page_never_sends_is_refused_and_stores_nothing(string value)
    {
        // "cannot_judge=true" with a score was stored as that score, the reviewer's "can't judge" dropped without a word.
        await using var server = await LabelingServer.StartAsync();
        server.Store.Items.Push("scenario", Seeds.Many(2));
        var (client, _) = await server.SignedInReviewerAsync();
        var page = await client.GetStringAsync("/review/scenario");

        var refused = await PostAsync(client, "/review/scenario/submit", [.. SubmitFields(page, notes: ""), ("cannot_judge", value)], multipart: true);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal($"cannot_judge must be 1 or left out, not '{value}'", await ErrorAsync(refused));
        Assert.Empty(server.Store.Export.Reviews("scenario"));
        Assert.Equal(0L, server.Store.Items.Status("scenario").CannotJudge);
    }

    [Fact]
    public async Task Wrong_bearer_tokens_use_the_sign_in_attempts_of_the_address()
    {
        await using var server = await LabelingServer.StartAsync(o => o with { SignInAttemptsPerMinute = 3 });
        var client = server.Client();

        async Task<HttpStatusCode> Bearer(string token)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/export/scenario");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return (await client.SendAsync(request)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await Bearer(LabelingServer.AdminToken));
        Assert.Equal(HttpStatusCode.Unauthorized, await Bearer("guess-number-one-0000"));
        Assert.Equal(HttpStatusCode.Unauthorized, await Bearer("guess-number-two-0000"));
        var page = await client.GetStringAsync("/signin");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/signin", LabelingServer.Form(page, ("code", "AAAAA-BBBBB-CCCCC-DDDDD")))).StatusCode);

        // The three attempts of the minute are used: the header, the reviewer form and the admin form are all closed.
        Assert.Equal(HttpStatusCode.TooManyRequests, await Bearer("guess-number-three-00"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await Bearer(LabelingServer.AdminToken));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostAsync("/signin", LabelingServer.Form(page, ("code", "AAAAA-BBBBB-CCCCC-DDDDD")))).StatusCode);
        var adminForm = await client.GetStringAsync("/admin/signin");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostAsync("/admin/signin", LabelingServer.Form(adminForm, ("token", LabelingServer.AdminToken)))).StatusCode);
    }

    [Fact]
    public async Task A_note_that_looks_like_a_formula_opens_as_text_in_the_csv_export_and_stays_verbatim_in_jsonl()
    {
        await using var server = await LabelingServer.StartAsync();
        server.Store.Items.Push("scenario", Seeds.Many(2));
        var reviewer = server.Store.Reviewers.Add("Ada").Account.Code;
        var assignment = await server.Store.Assignments.NextAsync("scenario", reviewer);
        await server.Store.Assignments.SubmitAsync(new ReviewSubmission(reviewer, assignment!.Item.Id, Guid.NewGuid().ToString("N"), -0.5, "=HYPERLINK(\"x\")"));
        var client = server.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", LabelingServer.AdminToken);

        var csv = await client.GetStringAsync("/admin/export/scenario?format=csv");
        var jsonl = await client.GetStringAsync("/admin/export/scenario");

        Assert.Contains(",-0.5,\"'=HYPERLINK(\"\"x\"\")\",", csv, StringComparison.Ordinal);
        using var line = JsonDocument.Parse(jsonl.Trim());
        Assert.Equal("=HYPERLINK(\"x\")", line.RootElement.GetProperty("notes").GetString());
    }

    private static (string, string)[] SubmitFields(string page, string notes) =>
    [
        ("__RequestVerificationToken", LabelingServer.Token(page)), ("item_id", LabelingServer.Field(page, "item_id")),
        ("submission_id", Guid.NewGuid().ToString("N")), ("score", "0.25"), ("notes", notes),
    ];

    /// <summary>Posts the fields as a plain form or as multipart/form-data, the way the page's script sends them.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, (string Name, string Value)[] fields, bool multipart)
    {
        HttpContent content;
        if (multipart)
        {
            var parts = new MultipartFormDataContent();
            foreach (var (name, value) in fields)
                parts.Add(new StringContent(value), name);
            content = parts;
        }
        else
        {
            content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Accept.ParseAdd("application/json");
        return await client.SendAsync(request);
    }

    private static async Task<string> ErrorAsync(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("error").GetString()!;
    }
}
