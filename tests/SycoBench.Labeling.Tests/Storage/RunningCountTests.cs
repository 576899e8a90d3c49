using SycoBench.Labeling.Storage;

namespace SycoBench.Labeling.Tests.Storage;

/// <summary>
/// A dataset's running counts are kept in slots (so submissions to one dataset do not all wait for one row): what the
/// pages and the status read from them must equal a full count of the reviews, after reviewers submitted at once,
/// after undo and "can't judge", and across the migration that split the counts of an older store.
/// </summary>
public abstract class RunningCountTests(TestStore target) : IDisposable
{
    public void Dispose()
    {
        target.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Counts_read_from_the_slots_equal_a_full_count_after_reviewers_submit_at_once()
    {
        using var store = target.Open(leaseDuration: TimeSpan.FromHours(1));
        store.Items.Push("scenario", Seeds.Many(40));
        store.Items.Push("aita", Seeds.Many(3));
        var reviewers = Enumerable.Range(0, 12).Select(i => store.Reviewers.Add("reviewer " + i).Account.Code).ToArray();

        await Task.WhenAll(reviewers.Select((reviewer, index) => Task.Run(async () =>
        {
            for (var round = 0; round < 6; round++)
            {
                var item = (await store.Assignments.NextAsync("scenario", reviewer))!.Item;
                var submission = index == 0 && round == 1
                    ? ReviewSubmission.CannotJudgeItem(reviewer, item.Id, Guid.NewGuid().ToString("N"), null)
                    : new ReviewSubmission(reviewer, item.Id, Guid.NewGuid().ToString("N"), 0.25, null);
                Assert.Equal(SubmitStatus.Stored, (await store.Assignments.SubmitAsync(submission)).Status);
            }
        })));
        var last = store.Assignments.Last("scenario", reviewers[1])!;
        Assert.True((await store.Assignments.UndoAsync("scenario", reviewers[1], last.SubmissionId)).Undone);

        var status = store.Items.Status("scenario");
        Assert.Equal(12 * 6 - 2, status.Reviews);
        Assert.Equal(Recount(store, "scenario"), status.ItemsByReviewCount);
        Assert.Equal(40, status.Items);
        var (coverage, progress) = store.Items.PageCounts("scenario", reviewers[1]);
        Assert.Equal((status.Items, status.Reviews), (coverage.Items, coverage.Reviews));
        Assert.Equal(status.ItemsByReviewCount, coverage.ItemsByReviewCount);
        Assert.Equal((5L, 5L, 40L), (progress.ItemsReviewed, progress.Reviews, progress.Items));
        Assert.Equal(3, store.Items.Status("aita").Items);
        Assert.Equal(["aita", "scenario"], store.Items.Datasets());
        // The counts are spread: the 40 items' changes are in more than one slot.
        Assert.True(StoreQueries.Long(store, "SELECT COUNT(*) FROM dataset_count_slots WHERE dataset = 'scenario'") > 1);
    }

    [Fact]
    public async Task The_migration_to_slots_keeps_an_older_stores_counts_and_later_reviews_add_to_them()
    {
        using (var version6 = LabelStore.OpenAtSchemaVersion(target.Location, 6))
        {
            version6.Items.Push("scenario", Seeds.Many(5));
            var reviewer = version6.Reviewers.Add("early").Account.Code;
            for (var i = 0; i < 3; i++)
                await ReviewNextAsync(version6, reviewer);
        }

        using var store = target.Open();
        Assert.Equal(LabelStore.CurrentSchemaVersion, store.SchemaVersion);
        Assert.Equal(3, store.Items.Status("scenario").Reviews);
        Assert.Equal(Recount(store, "scenario"), store.Items.Status("scenario").ItemsByReviewCount);

        var later = store.Reviewers.Add("later").Account.Code;
        for (var i = 0; i < 5; i++)
            await ReviewNextAsync(store, later);

        var status = store.Items.Status("scenario");
        Assert.Equal(8, status.Reviews);
        Assert.Equal(Recount(store, "scenario"), status.ItemsByReviewCount);
        Assert.Equal([0L, 2, 3, 0], status.ItemsByReviewCount);
    }

    [Fact]
    public async Task A_review_pages_item_and_counts_in_one_call_equal_the_next_item_then_the_counts()
    {
        using var store = target.Open(leaseDuration: TimeSpan.FromHours(1));
        store.Items.Push("scenario", Seeds.Many(4));
        var (first, second) = (store.Reviewers.Add("first").Account.Code, store.Reviewers.Add("second").Account.Code);
        await ReviewNextAsync(store, second);
        await ReviewNextAsync(store, second);

        var page = await store.Assignments.NextWithCountsAsync("scenario", first);
        AssertCounts(store, first, page);
        Assert.Equal((2L, 2L, 4L), (page.Coverage.Reviews, page.Coverage.ItemsByReviewCount[1], page.Progress.Items));
        Assert.Equal(new ReviewerProgress(0, 0, 4), page.Progress);
        Assert.False(page.Assignment!.Resumed);
        // Asked again, the reviewer gets the item they hold, as from NextAsync.
        Assert.Equal(page.Assignment.Item, (await store.Assignments.NextAsync("scenario", first))!.Item);

        var outcome = await store.Assignments.SubmitAsync(new ReviewSubmission(first, page.Assignment.Item.Id, Guid.NewGuid().ToString("N"), 0.5, null));
        Assert.Equal(SubmitStatus.Stored, outcome.Status);
        var after = await store.Assignments.NextWithCountsAsync("scenario", first);
        AssertCounts(store, first, after);
        Assert.Equal(new ReviewerProgress(1, 1, 4), after.Progress);
        Assert.Equal(3, after.Coverage.Reviews);
        Assert.NotEqual(page.Assignment.Item.Id, after.Assignment!.Item.Id);

        var empty = await store.Assignments.NextWithCountsAsync("aita", first);
        Assert.Null(empty.Assignment);
        AssertCounts(store, first, empty);
        Assert.Equal(0, empty.Coverage.Items);
    }

    private static void AssertCounts(LabelStore store, string reviewer, ReviewPageState page)
    {
        var (coverage, progress) = store.Items.PageCounts(page.Coverage.Dataset, reviewer);
        Assert.Equal((coverage.Items, coverage.Reviews), (page.Coverage.Items, page.Coverage.Reviews));
        Assert.Equal(coverage.ItemsByReviewCount, page.Coverage.ItemsByReviewCount);
        Assert.Equal(progress, page.Progress);
    }

    private static async Task ReviewNextAsync(LabelStore store, string reviewer)
    {
        var item = (await store.Assignments.NextAsync("scenario", reviewer))!.Item;
        var outcome = await store.Assignments.SubmitAsync(new ReviewSubmission(reviewer, item.Id, Guid.NewGuid().ToString("N"), -0.5, null));
        Assert.Equal(SubmitStatus.Stored, outcome.Status);
    }

    /// <summary>Items by review count (0, 1, 2, 3 or more), counted from the reviews themselves.</summary>
    private static long[] Recount(LabelStore store, string dataset) =>
        Enumerable.Range(0, 4).Select(n => StoreQueries.Long(store, $"""
            SELECT COUNT(*) FROM (
                SELECT i.id, COUNT(v.id) AS n FROM llm_responses i LEFT JOIN reviews v ON v.llm_response_id = i.id
                WHERE i.dataset = @d GROUP BY i.id) counted
            WHERE n {(n == 3 ? ">=" : "=")} {n}
            """, ("@d", dataset))).ToArray();
}

public sealed class RunningCountOnSqliteTests() : RunningCountTests(TestStore.Sqlite());

public sealed class RunningCountOnPostgresTests() : RunningCountTests(TestStore.Postgres());
