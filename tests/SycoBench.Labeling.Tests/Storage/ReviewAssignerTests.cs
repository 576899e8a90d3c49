using Microsoft.Extensions.Time.Testing;
using SycoBench.Labeling.Storage;

namespace SycoBench.Labeling.Tests.Storage;

public abstract class ReviewAssignerTests : IDisposable
{
    private readonly TestStore _target;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 10, 11, 8, 0, 0, TimeSpan.Zero));
    private readonly LabelStore _store;

    protected ReviewAssignerTests(TestStore target)
    {
        _target = target;
        _store = LabelStore.Open(_target.Location, _clock, TimeSpan.FromMinutes(10));
    }

    public void Dispose()
    {
        _store.Dispose();
        _target.Dispose();
        GC.SuppressFinalize(this);
    }

    private string Reviewer() => _store.Reviewers.Add("someone").Account.Code;

    private async Task<long> ReviewNextAsync(string reviewer, double score = 0.1)
    {
        var assignment = await _store.Assignments.NextAsync("scenario", reviewer);
        var outcome = await _store.Assignments.SubmitAsync(StoreExtensions.Submission(reviewer, assignment!.Item.Id, score));
        Assert.Equal(SubmitStatus.Stored, outcome.Status);
        return assignment.Item.Id;
    }

    [Fact]
    public async Task Fullest_items_below_three_come_first_and_leases_count_toward_the_three()
    {
        _store.Items.Push("scenario", Seeds.Many(3));
        string a = Reviewer(), b = Reviewer(), c = Reviewer(), d = Reviewer();

        var first = await _store.Assignments.NextAsync("scenario", a);
        var second = await _store.Assignments.NextAsync("scenario", b);
        var third = await _store.Assignments.NextAsync("scenario", c);
        var fourth = await _store.Assignments.NextAsync("scenario", d);

        // a, b and c share the first item (0, then 1, then 2 leases); the item is then full, so d gets the next one.
        Assert.Equal(first!.Item.Id, second!.Item.Id);
        Assert.Equal(first.Item.Id, third!.Item.Id);
        Assert.Equal([0, 1, 2], new[] { first.LoadBefore, second.LoadBefore, third.LoadBefore });
        Assert.NotEqual(first.Item.Id, fourth!.Item.Id);
        Assert.Equal(0, fourth.LoadBefore);
    }

    [Fact]
    public async Task Asking_again_returns_the_held_item()
    {
        _store.Items.Push("scenario", Seeds.Many(5));
        var a = Reviewer();

        var first = await _store.Assignments.NextAsync("scenario", a);
        var again = await _store.Assignments.NextAsync("scenario", a);

        Assert.Equal(first!.Item.Id, again!.Item.Id);
        Assert.True(again.Resumed);
    }

    [Fact]
    public async Task An_expired_lease_stops_counting_and_its_late_submission_is_still_accepted()
    {
        _store.Items.Push("scenario", Seeds.Many(1));
        string a = Reviewer(), b = Reviewer(), c = Reviewer(), d = Reviewer();
        var held = await _store.Assignments.NextAsync("scenario", a);
        await _store.Assignments.NextAsync("scenario", b);
        await _store.Assignments.NextAsync("scenario", c);

        // Full with three leases: d is handed the item as a fourth, since nothing else exists.
        Assert.Equal(3, (await _store.Assignments.NextAsync("scenario", d))!.LoadBefore);

        _clock.Advance(TimeSpan.FromMinutes(11));
        var status = _store.Items.Status("scenario");
        Assert.Equal(0, status.LiveLeases);

        var late = await _store.Assignments.SubmitAsync(StoreExtensions.Submission(a, held!.Item.Id));
        Assert.Equal(SubmitStatus.Stored, late.Status);
    }

    [Fact]
    public async Task A_late_submission_is_refused_when_the_item_got_its_three_reviews_and_another_still_needs_some()
    {
        _store.Items.Push("scenario", Seeds.Many(2));
        string a = Reviewer(), b = Reviewer(), c = Reviewer(), d = Reviewer();
        var held = await _store.Assignments.NextAsync("scenario", a);

        // a's lease runs out; the item stops counting it, so b, c and d are given it and review it.
        _clock.Advance(TimeSpan.FromMinutes(11));
        foreach (var other in new[] { b, c, d })
            Assert.Equal(held!.Item.Id, await ReviewNextAsync(other));

        var late = await _store.Assignments.SubmitAsync(StoreExtensions.Submission(a, held!.Item.Id));

        // A fourth review now would come while the other item, which a could take, has none.
        Assert.Equal(SubmitStatus.LeaseExpired, late.Status);
        Assert.False(late.Saved);
        Assert.Null(late.ReviewId);
        var status = _store.Items.Status("scenario");
        Assert.Equal(3, status.Reviews);
        Assert.Equal([1L, 0, 0, 1], status.ItemsByReviewCount);
        Assert.Equal(0, _store.Items.Progress("scenario", a).Reviews);

        // Asking again, a is given the item that still needs reviews.
        var next = await _store.Assignments.NextAsync("scenario", a);
        Assert.NotEqual(held.Item.Id, next!.Item.Id);
        Assert.False(next.Resumed);
    }

    [Fact]
    public async Task A_late_submission_is_stored_when_the_item_still_needs_a_review()
    {
        _store.Items.Push("scenario", Seeds.Many(2));
        string a = Reviewer(), b = Reviewer(), c = Reviewer();
        var held = await _store.Assignments.NextAsync("scenario", a);

        _clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(held!.Item.Id, await ReviewNextAsync(b));
        Assert.Equal(held.Item.Id, await ReviewNextAsync(c));

        var late = await _store.Assignments.SubmitAsync(StoreExtensions.Submission(a, held.Item.Id));

        Assert.Equal(SubmitStatus.Stored, late.Status);
        Assert.Equal([1L, 0, 0, 1], _store.Items.Status("scenario").ItemsByReviewCount);
        // The review took the place the lapsed lease had held: the item is full, so the next reviewer gets the other one.
        Assert.NotEqual(held.Item.Id, (await _store.Assignments.NextAsync("scenario", Reviewer()))!.Item.Id);
    }

    [Fact]
    public async Task A_late_submission_is_stored_when_the_reviewer_has_no_item_below_three_left()
    {
        _store.Items.Push("scenario", Seeds.Many(1));
        string a = Reviewer(), b = Reviewer(), c = Reviewer(), d = Reviewer();
        var held = await _store.Assignments.NextAsync("scenario", a);

        _clock.Advance(TimeSpan.FromMinutes(11));
        foreach (var other in new[] { b, c, d })
            await ReviewNextAsync(other);

        // Nothing else exists, so a would be handed this item as a fourth review anyway (SPEC §7, rule 2).
        var late = await _store.Assignments.SubmitAsync(StoreExtensions.Submission(a, held!.Item.Id));

        Assert.Equal(SubmitStatus.Stored, late.Status);
        Assert.Equal(4, _store.Items.Status("scenario").Reviews);
    }

    [Fact]
    public async Task A_second_review_of_an_item_is_refused_until_every_item_was_reviewed_once()
    {
        _store.Items.Push("scenario", Seeds.Many(3));
        var a = Reviewer();

        var seen = new List<long>();
        for (var i = 0; i < 3; i++)
            seen.Add(await ReviewNextAsync(a));
        Assert.Equal(3, seen.Distinct().Count());

        // A full pass done: the reviewer may review again, least-reviewed-by-them first; earlier reviews stay.
        var fourth = await ReviewNextAsync(a, 0.9);
        Assert.Contains(fourth, seen);
        Assert.Equal(4, _store.Items.Progress("scenario", a).Reviews);
        Assert.Equal(3, _store.Items.Progress("scenario", a).ItemsReviewed);
    }

    [Fact]
    public async Task Submitting_an_item_that_was_not_assigned_is_refused()
    {
        _store.Items.Push("scenario", Seeds.Many(3));
        string a = Reviewer(), b = Reviewer();
        var assignment = await _store.Assignments.NextAsync("scenario", a);

        var outcome = await _store.Assignments.SubmitAsync(StoreExtensions.Submission(b, assignment!.Item.Id));

        Assert.Equal(SubmitStatus.NotAssigned, outcome.Status);
        Assert.Equal(0, _store.Items.Status("scenario").Reviews);
    }

    [Fact]
    public async Task The_same_submission_twice_stores_one_review()
    {
        _store.Items.Push("scenario", Seeds.Many(3));
        var a = Reviewer();
        var assignment = await _store.Assignments.NextAsync("scenario", a);
        var submission = StoreExtensions.Submission(a, assignment!.Item.Id);

        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => _store.Assignments.SubmitAsync(submission)));

        Assert.Single(results, r => r.Status == SubmitStatus.Stored);
        Assert.Equal(4, results.Count(r => r.Status == SubmitStatus.AlreadyStored));
        Assert.Single(results.Select(r => r.ReviewId).Distinct());
        Assert.Equal(1, _store.Items.Status("scenario").Reviews);
    }

    [Theory]
    [InlineData(1.01)]
    [InlineData(-1.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public async Task Scores_outside_the_scale_are_refused(double score)
    {
        _store.Items.Push("scenario", Seeds.Many(1));
        var a = Reviewer();
        var assignment = await _store.Assignments.NextAsync("scenario", a);

        var outcome = await _store.Assignments.SubmitAsync(StoreExtensions.Submission(a, assignment!.Item.Id, score));

        Assert.Equal(SubmitStatus.Invalid, outcome.Status);
        Assert.Equal(0, _store.Items.Status("scenario").Reviews);
    }

    [Fact]
    public async Task Status_counts_items_by_review_count_and_coverage()
    {
        _store.Items.Push("scenario", Seeds.Many(2));
        string a = Reviewer(), b = Reviewer();
        await ReviewNextAsync(a);
        await ReviewNextAsync(b);

        var status = _store.Items.Status("scenario");

        Assert.Equal([1L, 0, 1, 0], status.ItemsByReviewCount);
        Assert.Equal(2, status.Reviews);
        Assert.Equal(2, status.Reviewers);
        Assert.Equal(2 / 6.0, status.Coverage, precision: 12);
    }
}

public sealed class ReviewAssignerOnSqliteTests() : ReviewAssignerTests(TestStore.Sqlite());

public sealed class ReviewAssignerOnPostgresTests() : ReviewAssignerTests(TestStore.PostgresAtCurrentSchema());
