using System.Collections.Concurrent;
using SycoBench.Labeling.Storage;

namespace SycoBench.Labeling.Tests.Storage;

/// <summary>
/// 50 reviewers working at once through the store that the web app uses: on 400 items in SQLite, on 200 in PostgreSQL
/// (each write there is a network round trip or more; bench/labeling measures the speed at full size). Each reviewer
/// still takes many items while the other 49 work (24 in SQLite, 12 in PostgreSQL on average) and every item is
/// filled to three reviews, so the same races are met; 2,000 and 400 items made these the slowest tests of the suite.
/// </summary>
public abstract class ConcurrentAssignmentTests(TestStore target, int items) : IDisposable
{
    private const int Reviewers = 50;
    private readonly int Items = items;

    public void Dispose()
    {
        target.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Fifty_reviewers_at_once_lose_nothing_and_keep_the_balance()
    {
        using var store = target.Open(leaseDuration: TimeSpan.FromHours(1));
        var path = store;
        store.Items.Push("scenario", Seeds.Many(Items));
        var reviewers = Enumerable.Range(0, Reviewers).Select(i => store.Reviewers.Add("reviewer " + i).Account.Code).ToArray();

        var stored = 0;
        var violations = new ConcurrentBag<string>();
        var seenByReviewer = reviewers.ToDictionary(r => r, _ => new List<long>());

        async Task WorkAsync(string reviewer, int index)
        {
            var random = new Random(index);
            while (true)
            {
                // The store often completes synchronously; yielding lets the 50 reviewers interleave as people would.
                await Task.Yield();
                var assignment = await store.Assignments.NextAsync("scenario", reviewer);
                Assert.NotNull(assignment);
                if (assignment.LoadBefore >= ReviewAssigner.ReviewsPerItem)
                {
                    // A full item is handed out only when nothing needing a review is left for this reviewer.
                    // Loads only grow here (no lease expires), so an open item seen now was open at assignment.
                    if (OpenItemsNotReviewedBy(path, reviewer) is > 0 and var open)
                        violations.Add($"{reviewer} got a fourth review while {open} items it could take had fewer than three");
                    return;
                }

                seenByReviewer[reviewer].Add(assignment.Item.Id);
                var submission = new ReviewSubmission(reviewer, assignment.Item.Id, Guid.NewGuid().ToString("N"), Math.Round(random.NextDouble() * 2 - 1, 2), null);
                // Every tenth submission is sent twice at once, like a double click.
                var outcomes = random.Next(10) == 0
                    ? await Task.WhenAll(store.Assignments.SubmitAsync(submission), store.Assignments.SubmitAsync(submission))
                    : [await store.Assignments.SubmitAsync(submission)];
                Assert.Single(outcomes, o => o.Status == SubmitStatus.Stored);
                Assert.All(outcomes, o => Assert.True(o.Saved, o.Message));
                Interlocked.Increment(ref stored);
            }
        }

        await Task.WhenAll(reviewers.Select((r, i) => Task.Run(() => WorkAsync(r, i))));

        Assert.Empty(violations);
        Assert.Equal(Items * ReviewAssigner.ReviewsPerItem, stored);
        var status = store.Items.Status("scenario");
        Assert.Equal(stored, status.Reviews);
        Assert.Equal([0L, 0, 0, Items], status.ItemsByReviewCount);
        Assert.Equal(Items * ReviewAssigner.ReviewsPerItem, CountReviewRows(path));
        Assert.Equal(0, CountItemsWithOtherThanThreeReviews(path));
        // No reviewer is given an item a second time before it has seen every item once.
        Assert.All(seenByReviewer, pair => Assert.True(FirstRepeat(pair.Value) is not { } at || pair.Value.Take(at).Distinct().Count() == Items, pair.Key));
        Assert.Equal(Reviewers, status.Reviewers);
    }

    [Fact]
    public async Task Reviewers_asking_at_once_never_share_a_place_in_an_items_three()
    {
        using var store = target.Open(leaseDuration: TimeSpan.FromHours(1));
        store.Items.Push("scenario", Seeds.Many(5));
        var reviewers = Enumerable.Range(0, 30).Select(i => store.Reviewers.Add("reviewer " + i).Account.Code).ToArray();
        using var start = new ManualResetEventSlim();

        var asking = reviewers.Select(r => Task.Run(async () =>
        {
            start.Wait();
            return (await store.Assignments.NextAsync("scenario", r))!;
        })).ToArray();
        start.Set();
        var given = await Task.WhenAll(asking);

        Assert.Equal(30, given.Length);
        // 5 items × 3 places: 15 reviewers get a place below three, each item's places 0, 1 and 2 go to one reviewer each;
        // the other 15 get an item that is full already.
        var places = given.Where(a => a.LoadBefore < ReviewAssigner.ReviewsPerItem).GroupBy(a => a.Item.Id).ToList();
        Assert.Equal(5, places.Count);
        Assert.All(places, item => Assert.Equal([0, 1, 2], item.Select(a => a.LoadBefore).Order()));
        Assert.Equal(15, given.Count(a => a.LoadBefore >= ReviewAssigner.ReviewsPerItem));
        Assert.Equal(30, Query(store, "SELECT SUM(load) FROM llm_responses"));
    }

    private static int? FirstRepeat(List<long> items)
    {
        var seen = new HashSet<long>();
        for (var i = 0; i < items.Count; i++)
        {
            if (!seen.Add(items[i]))
                return i;
        }

        return null;
    }

    private static long OpenItemsNotReviewedBy(LabelStore path, string reviewer) =>
        Query(path, """
            SELECT COUNT(*) FROM llm_responses i
            WHERE i.review_count + (SELECT COUNT(*) FROM assignments a WHERE a.llm_response_id = i.id AND a.live = 1) < 3
              AND NOT EXISTS (SELECT 1 FROM reviews v WHERE v.llm_response_id = i.id AND v.reviewer_code = @r)
            """, reviewer);

    private static long CountReviewRows(LabelStore path) => Query(path, "SELECT COUNT(*) FROM reviews");

    private static long CountItemsWithOtherThanThreeReviews(LabelStore path) =>
        Query(path, "SELECT COUNT(*) FROM (SELECT i.id FROM llm_responses i LEFT JOIN reviews v ON v.llm_response_id = i.id GROUP BY i.id HAVING COUNT(v.id) <> 3) odd");

    private static long Query(LabelStore store, string sql, string? reviewer = null) =>
        StoreQueries.Long(store, sql, reviewer is null ? [] : [("@r", reviewer)]);
}

public sealed class ConcurrentAssignmentOnSqliteTests() : ConcurrentAssignmentTests(TestStore.Sqlite(), items: 400);

public sealed class ConcurrentAssignmentOnPostgresTests() : ConcurrentAssignmentTests(TestStore.PostgresAtCurrentSchema(), items: 200);
