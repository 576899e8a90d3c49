using SycoBench.Labeling.Storage;

namespace SycoBench.Labeling.Tests.Storage;

public abstract class ItemCatalogTests : IDisposable
{
    private readonly TestStore _target;
    private readonly LabelStore _store;

    protected ItemCatalogTests(TestStore target)
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

    [Fact]
    public void Plan_writes_nothing_and_push_deduplicates_on_identifier_and_run()
    {
        var seeds = Seeds.Many(4);

        var plan = _store.Items.Plan("scenario", seeds);
        Assert.Equal(4, plan.New.Count);
        Assert.Equal(0, _store.Items.Status("scenario").Items);

        _store.Items.Push("scenario", seeds);
        var again = _store.Items.Push("scenario", [seeds[0], seeds[2], seeds[3], Seeds.Make(0, runId: "2"), Seeds.Make(1, response: "Changed."), seeds[2]]);

        Assert.Single(again.New);
        Assert.Equal(3, again.Unchanged.Count);
        Assert.Single(again.Differing);
        Assert.Equal(1, again.DuplicatesInInput);
        Assert.Equal(5, _store.Items.Status("scenario").Items);
    }

    [Fact]
    public void Sql_looking_text_is_stored_verbatim()
    {
        const string Text = "'); DROP TABLE reviews; -- \" OR 1=1 <b>";
        _store.Items.Push("scenario", [Seeds.Make(1, response: Text) with { Identifier = Text }]);

        var item = _store.Items.Find(1)!;
        Assert.Equal(Text, item.ResponseText);
        Assert.Single(_store.Items.Datasets());
    }

    [Fact]
    public void A_bad_seed_stores_nothing()
    {
        var ex = Assert.Throws<InputException>(() => _store.Items.Push("scenario", [Seeds.Make(1), Seeds.Make(2) with { PromptBody = " " }]));

        Assert.Contains("prompt_body", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, _store.Items.Status("scenario").Items);
    }

    [Fact]
    public void Reopening_keeps_the_data_and_the_schema_version()
    {
        _store.Items.Push("scenario", Seeds.Many(2));
        using var reopened = LabelStore.Open(_target.Location);

        Assert.Equal(LabelStore.CurrentSchemaVersion, reopened.SchemaVersion);
        Assert.Equal(2, reopened.Items.Status("scenario").Items);
    }

    [Fact]
    public async Task A_review_pages_counts_agree_with_the_full_status_and_progress()
    {
        _store.Items.Push("scenario", Seeds.Many(4));
        var reviewers = Enumerable.Range(0, 3).Select(i => _store.Reviewers.Add("reviewer " + i).Account.Code).ToArray();
        foreach (var (reviewer, times) in reviewers.Zip([3, 2, 1]))
        {
            for (var i = 0; i < times; i++)
            {
                var assignment = await _store.Assignments.NextAsync("scenario", reviewer);
                Assert.True((await _store.Assignments.SubmitAsync(StoreExtensions.Submission(reviewer, assignment!.Item.Id, 0.1))).Saved);
            }
        }

        foreach (var reviewer in reviewers)
        {
            var (coverage, progress) = _store.Items.PageCounts("scenario", reviewer);
            var status = _store.Items.Status("scenario");
            Assert.Equal((status.Items, status.Reviews, status.Coverage, status.CompleteItems), (coverage.Items, coverage.Reviews, coverage.Coverage, coverage.CompleteItems));
            Assert.Equal(status.ItemsByReviewCount, coverage.ItemsByReviewCount);
            Assert.Equal(_store.Items.Progress("scenario", reviewer), progress);
        }

        Assert.Equal([1L, 1, 1, 1], _store.Items.PageCounts("scenario", reviewers[0]).Coverage.ItemsByReviewCount);
        Assert.Equal(new ReviewerProgress(0, 0, 0), _store.Items.PageCounts("empty", reviewers[0]).Progress);
        Assert.Equal(0, _store.Items.PageCounts("empty", reviewers[0]).Coverage.Coverage);
    }

    [Fact]
    public void Sign_in_codes_are_stored_as_hashes_and_found_in_any_case()
    {
        var added = _store.Reviewers.Add("Ada");

        Assert.Equal(added.Account.Code, _store.Reviewers.FindBySignInCode(added.SignInCode.ToLowerInvariant())!.Code);
        Assert.Null(_store.Reviewers.FindBySignInCode("AAAAA-AAAAA-AAAAA-AAAAA"));
        Assert.True(_store.Reviewers.Disable(added.Account.Code));
        Assert.Null(_store.Reviewers.FindBySignInCode(added.SignInCode));
        var stored = _target.File is { } file
            ? File.ReadAllText(file, System.Text.Encoding.Latin1)
            : StoreQueries.Text(_store, "SELECT string_agg(r::text, ' ') FROM reviewers r");
        Assert.DoesNotContain(added.SignInCode, stored, StringComparison.Ordinal);
    }
}

public sealed class ItemCatalogOnSqliteTests() : ItemCatalogTests(TestStore.Sqlite());

public sealed class ItemCatalogOnPostgresTests() : ItemCatalogTests(TestStore.PostgresAtCurrentSchema());
