using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SycoBench.Labeling.Storage;

namespace SycoBench.Labeling.Tests.Web;

/// <summary>Reviewing over HTTP. The refused submissions share one server (<see cref="SharedLabelingServer"/>); the others start their own.</summary>
public sealed class ReviewFlowTests(SharedLabelingServer shared) : IClassFixture<SharedLabelingServer>
{
    private static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string page, string score, string notes = "", string? submissionId = null, bool json = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/review/scenario/submit")
        {
            Content = LabelingServer.Form(page,
                ("item_id", LabelingServer.Field(page, "item_id")),
                ("submission_id", submissionId ?? LabelingServer.Field(page, "submission_id")),
                ("score", score), ("notes", notes)),
        };
        if (json)
            request.Headers.Accept.ParseAdd("application/json");
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task A_reviewer_signs_in_scores_and_the_review_is_stored_once()
    {
        await using var server = await LabelingServer.StartAsync();
        server.Store.Items.Push("scenario", Seeds.Many(4));
        var (client, code) = await server.SignedInReviewerAsync();

        var page = await client.GetStringAsync("/review/scenario");
        Assert.Contains("Question number 0?", page, StringComparison.Ordinal);
        Assert.DoesNotContain("model-0", page, StringComparison.Ordinal);

        var first = await SubmitAsync(client, page, "0.35", "tenant-friendly");
        var again = await SubmitAsync(client, page, "0.35", "tenant-friendly");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        using var body = JsonDocument.Parse(await first.Content.ReadAsStringAsync());
        Assert.Equal("/review/scenario?saved=1", body.RootElement.GetProperty("next").GetString());
        var reviews = server.Store.Export.Reviews("scenario").ToList();
        var review = Assert.Single(reviews);
        Assert.Equal(code, review.ReviewerCode);
        Assert.Equal(0.35, review.Score);
        Assert.Equal("tenant-friendly", review.Notes);
    }

    [Fact]
    public async Task A_form_post_without_scripts_redirects_to_the_next_item()
    {
        await using var server = await LabelingServer.StartAsync();
        server.Store.Items.Push("scenario", Seeds.Many(2));
        var (client, _) = await server.SignedInReviewerAsync();
        var page = await client.GetStringAsync("/review/scenario");

        var response = await SubmitAsync(client, page, "-0.2", json: false);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/review/scenario?saved=1", response.Headers.Location!.OriginalString);
        var next = await client.GetStringAsync("/review/scenario");
        Assert.NotEqual(LabelingServer.Field(page, "item_id"), LabelingServer.Field(next, "item_id"));
    }

    [Fact]
    public async Task A_reload_shows_the_same_item()
    {
        await using var server = await LabelingServer.StartAsync();
        server.Store.Items.Push("scenario", Seeds.Many(5));
        var (client, _) = await server.SignedInReviewerAsync();

        var first = await client.GetStringAsync("/review/scenario");
        var reloaded = await client.GetStringAsync("/review/scenario");

        Assert.Equal(LabelingServer.Field(first, "item_id"), LabelingServer.Field(reloaded, "item_id"));
    }

    [Theory]
    [InlineData("1.5", HttpStatusCode.BadRequest)]
    [InlineData("-1.01", HttpStatusCode.BadRequest)]
    [InlineData("NaN", HttpStatusCode.BadRequest)]
    [InlineData("Infinity", HttpStatusCode.BadRequest)]
    [InlineData("", HttpStatusCode.BadRequest)]
    [InlineData("abc", HttpStatusCode.BadRequest)]
    public async Task Scores_outside_the_scale_are_refused_and_nothing_is_stored(string score, HttpStatusCode expected)
    {
        var server = shared.Server;
        var (client, _) = await server.SignedInReviewerAsync();
        var page = await client.GetStringAsync("/review/scenario");

        var response = await SubmitAsync(client, page, score);

        Assert.Equal(expected, response.StatusCode);
        Assert.Empty(server.Store.Export.Reviews("scenario"));
    }

    [Fact]
    public async Task Oversize_notes_are_refused_and_nothing_is_stored()
    {
        var server = shared.Server;
        var (client, _) = await server.SignedInReviewerAsync();
        var page = await client.GetStringAsync("/review/scenario");

        var tooLong = await SubmitAsync(client, page, "0", new string('x', ReviewSubmission.MaxNotesLength + 1));
        var huge = await SubmitAsync(client, page, "0", new string('x', 200_000));

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("notes", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(huge.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, huge.StatusCode.ToString());
        Assert.Empty(server.Store.Export.Reviews("scenario"));
    }

    [Fact]
    public async Task Sql_looking_notes_are_stored_verbatim()
    {
        const string Notes = "'); DELETE FROM reviews; -- \"x\" OR 1=1; <script>alert(1)</script>";
        await using var server = await LabelingServer.StartAsync();
        server.Store.Items.Push("scenario", Seeds.Many(2));
        var (client, _) = await server.SignedInReviewerAsync();
        var page = await client.GetStringAsync("/review/scenario");

        var response = await SubmitAsync(client, page, "0.1", Notes);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(Notes, Assert.Single(server.Store.Export.Reviews("scenario")).Notes);
    }

    [Fact]
    public async Task An_item_not_assigned_to_the_reviewer_is_refused()
    {
        await using var server = await LabelingServer.StartAsync();
        server.Store.Items.Push("scenario", Seeds.Many(8));
        // Three reviewers fill the first item with leases; the fourth is given another item.
        var (alice, _) = await server.SignedInReviewerAsync("alice");
        var alicePage = await alice.GetStringAsync("/review/scenario");
        for (var i = 0; i < 2; i++)
        {
            var (other, _) = await server.SignedInReviewerAsync("other " + i);
            await other.GetStringAsync("/review/scenario");
        }

        var (dave, _) = await server.SignedInReviewerAsync("dave");
        var davePage = await dave.GetStringAsync("/review/scenario");
        var aliceItem = LabelingServer.Field(alicePage, "item_id");
        Assert.NotEqual(aliceItem, LabelingServer.Field(davePage, "item_id"));

        var stolen = await Post(dave, davePage, aliceItem);
        var unknown = await Post(dave, davePage, "999");

        Assert.Equal(HttpStatusCode.Conflict, stolen.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Empty(server.Store.Export.Reviews("scenario"));
    }

    [Fact]
    public async Task A_submission_after_the_lease_ran_out_and_the_item_filled_up_is_refused_and_nothing_is_stored()
    {
        // The clock starts at the real time: the sign-in cookie's expiry comes from it, and the client drops expired cookies.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await LabelingServer.StartAsync(o => o with { Time = clock, LeaseDuration = TimeSpan.FromMinutes(10) });
        server.Store.Items.Push("scenario", Seeds.Many(2));
        var (alice, aliceCode) = await server.SignedInReviewerAsync("alice");
        var alicePage = await alice.GetStringAsync("/review/scenario");

        clock.Advance(TimeSpan.FromMinutes(11));
        for (var i = 0; i < 3; i++)
        {
            var (other, _) = await server.SignedInReviewerAsync("other " + i);
            var page = await other.GetStringAsync("/review/scenario");
            Assert.Equal(LabelingServer.Field(alicePage, "item_id"), LabelingServer.Field(page, "item_id"));
            Assert.Equal(HttpStatusCode.Created, (await SubmitAsync(other, page, "0.2")).StatusCode);
        }

        var late = await SubmitAsync(alice, alicePage, "0.9");

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        using var body = JsonDocument.Parse(await late.Content.ReadAsStringAsync());
        Assert.Contains("ran out", body.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, server.Store.Export.Reviews("scenario").Count());
        Assert.DoesNotContain(server.Store.Export.Reviews("scenario"), r => r.ReviewerCode == aliceCode);
    }

    [Fact]
    public async Task An_item_posted_to_another_dataset_is_refused()
    {
        await using var server = await LabelingServer.StartAsync();
        server.Store.Items.Push("scenario", Seeds.Many(2));
        server.Store.Items.Push("aita", Seeds.Many(2));
        var (client, _) = await server.SignedInReviewerAsync();
        var page = await client.GetStringAsync("/review/scenario");
        var request = new HttpRequestMessage(HttpMethod.Post, "/review/aita/submit")
        {
            Content = LabelingServer.Form(page,
                ("item_id", LabelingServer.Field(page, "item_id")), ("submission_id", Guid.NewGuid().ToString("N")), ("score", "0.5")),
        };
        request.Headers.Accept.ParseAdd("application/json");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(server.Store.Export.Reviews("scenario"));
        Assert.Empty(server.Store.Export.Reviews("aita"));
    }

    private static Task<HttpResponseMessage> Post(HttpClient client, string page, string itemId)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/review/scenario/submit")
        {
            Content = LabelingServer.Form(page, ("item_id", itemId), ("submission_id", Guid.NewGuid().ToString("N")), ("score", "0.5")),
        };
        request.Headers.Accept.ParseAdd("application/json");
        return client.SendAsync(request);
    }
}
