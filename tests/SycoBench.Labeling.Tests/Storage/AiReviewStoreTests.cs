using SycoBench.Labeling.Storage;
using SycoBench.Reviews;

namespace SycoBench.Labeling.Tests.Storage;

public abstract class AiReviewStoreTests : IDisposable
{
    private readonly TestStore _target;
    private readonly LabelStore _store;

    protected AiReviewStoreTests(TestStore target)
    {
        _target = target;
        _store = LabelStore.Open(_target.Location);
    }

    public void Dispose()
    {
        _store.Dispose();
        _target.Dispose();
        GC.SuppressFinalize(this);
    }

    private List<StoredItem> Items(string dataset = "scenario") => _store.Items.List(dataset).ToList();

    [Fact]
    public async Task Ai_reviews_are_never_assigned_never_counted_and_a_person_is_still_offered_every_item()
    {
        _store.Items.Push("scenario", Seeds.Many(4));
        var code = AiReviewers.CodeFor("sim/judge");
        var before = _store.Items.Status("scenario");

        // Three AI reviews on every item: were they human, every item would be complete.
        foreach (var model in new[] { "sim/judge", "sim/judge-2", "sim/judge-3" })
            _store.AiReviews.Add(Items().Select(i => new AiReview(i.Id, AiReviewers.CodeFor(model), 0.5, "reasoning")).ToList());

        var after = _store.Items.Status("scenario");
        Assert.Equal(before.ItemsByReviewCount, after.ItemsByReviewCount);
        Assert.Equal(0, after.Reviews);
        Assert.Equal(0, after.Reviewers);
        Assert.Equal(0, after.Coverage);
        Assert.Equal(12, after.AiReviews);
        Assert.Equal(3, after.AiReviewers);

        var person = _store.Reviewers.Add("Ada").Account.Code;
        var offered = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            var assignment = await _store.Assignments.NextAsync("scenario", person);
            Assert.Equal(0, assignment!.LoadBefore);
            offered.Add(assignment.Item.Id);
            Assert.Equal(SubmitStatus.Stored, (await _store.Assignments.SubmitAsync(StoreExtensions.Submission(person, assignment.Item.Id))).Status);
        }

        Assert.Equal(Items().Select(i => i.Id).Order(), offered.Order());
        Assert.Equal(4, _store.Items.Progress("scenario", person).ItemsReviewed);
        Assert.Equal(4, _store.Items.Status("scenario").ItemsByReviewCount[1]);
        Assert.Equal(code, _store.AiReviews.Counts("scenario")[0].ReviewerCode);
    }

    [Fact]
    public void The_export_holds_people_first_then_ai_reviews_marked_by_their_code()
    {
        _store.Items.Push("scenario", Seeds.Many(2));
        var items = Items();
        _store.AiReviews.Add([new AiReview(items[1].Id, "llm:sim/judge", -0.35, "leans to the tenant") { CreatedAt = "2025-01-02T03:04:05.000Z" }]);

        var exported = Assert.Single(_store.Export.Reviews("scenario"));

        Assert.Equal("llm:sim/judge", exported.ReviewerCode);
        Assert.True(exported.IsAiReview);
        Assert.Equal(-0.35, exported.Score);
        Assert.Equal("leans to the tenant", exported.Notes);
        Assert.Equal("2025-01-02T03:04:05.000Z", exported.ReviewCreatedAt);
        Assert.Equal("2025-01-02T03:04:05.000Z", exported.ReviewUpdatedAt);
        Assert.Equal(items[1].Identifier, exported.Identifier);
        Assert.Equal(items[1].ResponseText, exported.ModelResponseText);
    }

    [Fact]
    public void Adding_with_submission_ids_is_idempotent_and_resuming_knows_what_is_done()
    {
        _store.Items.Push("scenario", Seeds.Many(3));
        var items = Items();
        AiReview Review(StoredItem item) => new(item.Id, "llm:m", 0.1) { SubmissionId = $"ai:m:{item.Id}" };

        var first = _store.AiReviews.Add([Review(items[0]), Review(items[1])]);
        var again = _store.AiReviews.Add(items.Select(Review).ToList());

        Assert.Equal(new AiReviewAddResult(2, 0), first);
        Assert.Equal(new AiReviewAddResult(1, 2), again);
        Assert.Equal(items.Select(i => i.Id).ToHashSet(), _store.AiReviews.ReviewedItems("scenario", "llm:m"));
        Assert.Empty(_store.AiReviews.ReviewedItems("scenario", "llm:other"));
    }

    [Theory]
    [InlineData("R-ABC123", 0.5, "must be llm:<model id>")]
    [InlineData("llm:", 0.5, "must be llm:<model id>")]
    [InlineData("llm:m", 1.5, "score must be a number from -1 to 1")]
    [InlineData("llm:m", double.NaN, "score must be a number from -1 to 1")]
    public void A_bad_review_stores_nothing_of_the_batch_and_names_the_field(string code, double score, string problem)
    {
        _store.Items.Push("scenario", Seeds.Many(2));
        var items = Items();

        var error = Assert.Throws<InputException>(() => _store.AiReviews.Add([new AiReview(items[0].Id, "llm:fine", 0), new AiReview(items[1].Id, code, score)]));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Empty(_store.AiReviews.Counts());
    }

    [Fact]
    public void An_unknown_item_stores_nothing_of_the_batch()
    {
        _store.Items.Push("scenario", Seeds.Many(1));
        var item = Items()[0];

        var error = Assert.Throws<InputException>(() => _store.AiReviews.Add([new AiReview(item.Id, "llm:m", 0), new AiReview(999, "llm:m", 0)]));

        Assert.Contains("no item 999", error.Message, StringComparison.Ordinal);
        Assert.Empty(_store.AiReviews.Counts());
    }

    [Fact]
    public async Task Deleting_ai_reviews_leaves_people_s_reviews_alone()
    {
        _store.Items.Push("scenario", Seeds.Many(2));
        _store.Items.Push("aita", Seeds.Many(2));
        var person = _store.Reviewers.Add("Ada").Account.Code;
        var assignment = await _store.Assignments.NextAsync("scenario", person);
        await _store.Assignments.SubmitAsync(StoreExtensions.Submission(person, assignment!.Item.Id));
        foreach (var dataset in new[] { "scenario", "aita" })
        {
            foreach (var model in new[] { "llm:a", "llm:b" })
                _store.AiReviews.Add(Items(dataset).Select(i => new AiReview(i.Id, model, 0)).ToList());
        }

        Assert.Equal(2, _store.AiReviews.Delete("aita", "llm:a"));
        Assert.Equal(["scenario llm:a 2", "scenario llm:b 2", "aita llm:b 2"],
            _store.AiReviews.Counts().Select(c => $"{c.Dataset} {c.ReviewerCode} {c.Reviews}").OrderByDescending(s => s.StartsWith("scenario", StringComparison.Ordinal)).ThenBy(s => s, StringComparer.Ordinal));
        Assert.Equal(4, _store.AiReviews.Delete("scenario"));
        Assert.Equal(2, _store.AiReviews.Delete());
        Assert.Empty(_store.AiReviews.Counts());
        Assert.Single(_store.Export.Reviews(null));
        Assert.Equal(1, _store.Items.Status("scenario").Reviews);
    }
}

public sealed class AiReviewStoreOnSqliteTests() : AiReviewStoreTests(TestStore.Sqlite());

public sealed class AiReviewStoreOnPostgresTests() : AiReviewStoreTests(TestStore.PostgresAtCurrentSchema());
