using System.Net;

namespace SycoBench.Labeling.Tests.Web;

/// <summary>Many reviewers asking and saving at the same instant, through the real server.</summary>
public sealed class ConcurrentHttpTests
{
    private const int Reviewers = 50;
    private const int Items = 20;

    [Fact]
    public async Task Fifty_reviewers_asking_at_once_fill_items_to_three_and_every_save_is_stored_once()
    {
        // All 50 sign in from 127.0.0.1 within a second: the per-address sign-in limit is raised for them.
        await using var server = await LabelingServer.StartAsync(o => o with { SignInAttemptsPerMinute = Reviewers });
        server.Store.Items.Push("scenario", Seeds.Many(Items));
        var reviewers = await Task.WhenAll(Enumerable.Range(0, Reviewers).Select(i => server.SignedInReviewerAsync("reviewer " + i)));

        var pages = await Task.WhenAll(reviewers.Select(r => r.Client.GetStringAsync("/review/scenario")));

        // 50 leases on 20 items: the fullest first, never past three while an item below three is left.
        var perItem = pages.GroupBy(p => LabelingServer.Field(p, "item_id")).Select(g => g.Count()).OrderDescending().ToArray();
        Assert.Equal(Enumerable.Repeat(3, Reviewers / 3).Append(Reviewers % 3), perItem);

        // Everyone saves at once, every third reviewer twice with the same submission (a double click).
        var saves = reviewers.SelectMany((r, i) => Enumerable.Repeat(0, i % 3 == 0 ? 2 : 1).Select(_ => SaveAsync(r.Client, pages[i])));
        var statuses = await Task.WhenAll(saves);

        Assert.Equal(Reviewers, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.Created or HttpStatusCode.OK, s.ToString()));
        Assert.Equal(Reviewers, server.Store.Export.Reviews("scenario").Count());
        Assert.Equal([3L, 0, 1, 16], server.Store.Items.Status("scenario").ItemsByReviewCount);
    }

    private static async Task<HttpStatusCode> SaveAsync(HttpClient client, string page)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/review/scenario/submit")
        {
            Content = LabelingServer.Form(page,
                ("item_id", LabelingServer.Field(page, "item_id")), ("submission_id", LabelingServer.Field(page, "submission_id")), ("score", "0.2")),
        };
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
