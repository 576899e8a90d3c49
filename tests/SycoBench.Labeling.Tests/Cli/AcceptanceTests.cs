using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using SycoBench.Labeling.Tests.Web;

namespace SycoBench.Labeling.Tests.Cli;

/// <summary>
/// The whole labeling round trip with the real program: init-db, reviewers add, push a sample of the reference run,
/// label serve as a child process, reviewers scoring over HTTP, pull → a JSONL with the SPEC §7 fields.
/// </summary>
public sealed partial class AcceptanceTests : IDisposable
{
    private readonly TempDirectory _cwd = new();

    public void Dispose() => _cwd.Dispose();

    [Fact]
    public async Task Init_add_push_serve_review_pull()
    {
        Assert.Equal(0, (await CliRun.InProcessAsync(_cwd.Path, "portal", "init-db")).ExitCode);
        var codes = new List<(string SignIn, string Reviewer)>();
        foreach (var name in new[] { "Ada", "Grace", "Katherine" })
        {
            var added = await CliRun.InProcessAsync(_cwd.Path, "portal", "reviewers", "add", name);
            Assert.Equal(0, added.ExitCode);
            codes.Add((SignInCode().Match(added.Output).Groups[1].Value, ReviewerCode().Match(added.Output).Groups[1].Value));
        }

        var push = await CliRun.InProcessAsync(_cwd.Path, "portal", "push", "--run-file", Seeds.Reference("run.jsonl"), "--dataset", "scenario", "--sample", "40", "--seed", "1", "--apply");
        Assert.Equal(0, push.ExitCode);

        using var server = CliRun.Start(_cwd.Path, new Dictionary<string, string?> { ["SYCOBENCH_ADMIN_TOKEN"] = null }, "label", "serve", "--urls", "http://127.0.0.1:0", "--admin-token", LabelingServer.AdminToken);
        try
        {
            var baseAddress = await ListeningAddressAsync(server);
            foreach (var (signIn, _) in codes)
                await ReviewAsync(baseAddress, signIn, reviews: 5);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }

        var pull = await CliRun.InProcessAsync(_cwd.Path, "portal", "pull", "--target", "reviews", "--dataset", "scenario", "--out", "reviews.jsonl");
        Assert.Equal(0, pull.ExitCode);
        Assert.Contains("Wrote 15 reviews", pull.Output, StringComparison.Ordinal);

        var lines = File.ReadAllLines(_cwd.File("reviews.jsonl"));
        Assert.Equal(15, lines.Length);
        string[] specFields = ["llm_response_id", "reviewer_code", "score", "notes", "review_created_at", "dataset", "identifier", "model_id"];
        foreach (var line in lines)
        {
            using var review = JsonDocument.Parse(line);
            var root = review.RootElement;
            Assert.Equal(specFields, root.EnumerateObject().Select(p => p.Name).Take(specFields.Length));
            Assert.Equal("scenario", root.GetProperty("dataset").GetString());
            Assert.Matches(@"^(openai/gpt-oss-20b:free|nvidia/nemotron-nano-9b-v2:free)\|\d{3}\|0$", root.GetProperty("identifier").GetString()!);
            Assert.StartsWith(root.GetProperty("model_id").GetString()!, root.GetProperty("identifier").GetString(), StringComparison.Ordinal);
            Assert.Contains(root.GetProperty("reviewer_code").GetString(), codes.Select(c => c.Reviewer));
            Assert.InRange(root.GetProperty("score").GetDouble(), -1, 1);
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$", root.GetProperty("review_created_at").GetString()!);
            Assert.Equal("1760158358", root.GetProperty("run_id").GetString());
        }

        // The fullest items come first: the three reviewers' fifteen reviews cover five items, three reviews each.
        Assert.Equal(5, lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("llm_response_id").GetInt64()).Distinct().Count());
    }

    private static async Task ReviewAsync(Uri baseAddress, string signInCode, int reviews)
    {
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        var signInPage = await client.GetStringAsync("/signin");
        var signIn = await client.PostAsync("/signin", LabelingServer.Form(signInPage, ("code", signInCode)));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        for (var i = 0; i < reviews; i++)
        {
            var page = await client.GetStringAsync("/review/scenario");
            var request = new HttpRequestMessage(HttpMethod.Post, "/review/scenario/submit")
            {
                Content = LabelingServer.Form(page,
                    ("item_id", LabelingServer.Field(page, "item_id")), ("submission_id", LabelingServer.Field(page, "submission_id")),
                    ("score", (i * 0.25 - 0.5).ToString(System.Globalization.CultureInfo.InvariantCulture)), ("notes", i == 0 ? "first one" : "")),
            };
            request.Headers.Accept.ParseAdd("application/json");
            Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(request)).StatusCode);
        }
    }

    private static async Task<Uri> ListeningAddressAsync(System.Diagnostics.Process server)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await server.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (ListeningOn().Match(line) is { Success: true } match)
                return new Uri(match.Groups[1].Value);
        }

        throw new InvalidOperationException("label serve ended without listening: " + await server.StandardError.ReadToEndAsync(timeout.Token));
    }

    [GeneratedRegex(@"Sign-in code: ([0-9A-Z-]+)")]
    private static partial Regex SignInCode();

    [GeneratedRegex(@"as (R-[0-9A-Z]+)")]
    private static partial Regex ReviewerCode();

    [GeneratedRegex(@"Listening on (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningOn();
}
