using Microsoft.Extensions.Time.Testing;
using SycoBench.Labeling.Storage;

namespace SycoBench.Labeling.Tests.Storage;

/// <summary>"Can't judge" is no review and is kept apart; the last submission can be taken back while its item is still the reviewer's.</summary>
public abstract class CannotJudgeAndUndoTests : IDisposable
{
    private readonly TestStore _target;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 10, 11, 8, 0, 0, TimeSpan.Zero));
    private readonly LabelStore _store;

    protected CannotJudgeAndUndoTests(TestStore target)
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

    private static string NewId() => Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Cant_judge_is_no_review_frees_the_place_and_the_item_is_not_offered_to_that_reviewer_again()
    {
        _store.Items.Push("scenario", Seeds.Many(2));
        string a = Reviewer(), b = Reviewer();
        var first = await _store.Assignments.NextAsync("scenario", a);
        var id = NewId();

        var outcome = await _store.Assignments.SubmitAsync(ReviewSubmission.CannotJudgeItem(a, first!.Item.Id, id, "outside my knowledge"));
        var again = await _store.Assignments.SubmitAsync(ReviewSubmission.CannotJudgeItem(a, first.Item.Id, id, "outside my knowledge"));

        Assert.Equal(SubmitStatus.Stored, outcome.Status);
        Assert.Equal(SubmitStatus.AlreadyStored, again.Status);
        var status = _store.Items.Status("scenario");
        Assert.Equal(0, status.Reviews);
        Assert.Equal([2, 0, 0, 0], status.ItemsByReviewCount);
        Assert.Equal(0, status.LiveLeases);
        Assert.Equal(1, status.CannotJudge);
        Assert.Empty(_store.Export.Reviews("scenario"));
        Assert.Equal(0, _store.Items.Progress("scenario", a).ItemsReviewed);

        // a gets the other item, and after scoring it starts a second pass without the first; b is offered both (the
        // fuller first, as always).
        var next = await _store.Assignments.NextAsync("scenario", a);
        Assert.NotEqual(first.Item.Id, next!.Item.Id);
        Assert.Equal(SubmitStatus.Stored, (await _store.Assignments.SubmitAsync(StoreExtensions.Submission(a, next.Item.Id, 0.2))).Status);
        Assert.Equal(next.Item.Id, (await _store.Assignments.NextAsync("scenario", a))!.Item.Id);
        Assert.Equal(next.Item.Id, (await _store.Assignments.NextAsync("scenario", b))!.Item.Id);
        Assert.Equal(SubmitStatus.Stored, (await _store.Assignments.SubmitAsync(StoreExtensions.Submission(b, next.Item.Id, 0.2))).Status);
        Assert.Equal(first.Item.Id, (await _store.Assignments.NextAsync("scenario", b))!.Item.Id);
    }

    [Fact]
    public async Task Undo_takes_back_the_last_review_and_the_item_is_the_reviewers_again_with_counts_as_before()
    {
        _store.Items.Push("scenario", Seeds.Many(3));
        var a = Reviewer();
        var first = await _store.Assignments.NextAsync("scenario", a);
        var submission = StoreExtensions.Submission(a, first!.Item.Id, 0.4);
        await _store.Assignments.SubmitAsync(submission);
        var held = await _store.Assignments.NextAsync("scenario", a);
        Assert.NotEqual(first.Item.Id, held!.Item.Id);

        var last = _store.Assignments.Last("scenario", a);
        Assert.Equal(first.Item.Id, last!.ItemId);
        Assert.Equal(0.4, last.Score);
        Assert.True(last.Undoable);

        var undone = await _store.Assignments.UndoAsync("scenario", a, submission.SubmissionId);

        Assert.True(undone.Undone, undone.Message);
        var status = _store.Items.Status("scenario");
        Assert.Equal(0, status.Reviews);
        Assert.Equal([3, 0, 0, 0], status.ItemsByReviewCount);
        Assert.Equal(1, status.LiveLeases);
        Assert.Equal(0, _store.Items.Progress("scenario", a).Reviews);
        Assert.Equal(0, _store.Items.Progress("scenario", a).ItemsReviewed);
        Assert.Empty(_store.Export.Reviews("scenario"));
        var back = await _store.Assignments.NextAsync("scenario", a);
        Assert.Equal(first.Item.Id, back!.Item.Id);
        Assert.True(back.Resumed);
        Assert.Equal(0, back.LoadBefore);
        Assert.Null(_store.Assignments.Last("scenario", a));

        // Scored again, it counts once.
        Assert.Equal(SubmitStatus.Stored, (await _store.Assignments.SubmitAsync(StoreExtensions.Submission(a, first.Item.Id, -0.3))).Status);
        Assert.Equal([-0.3], _store.Export.Reviews("scenario").Select(r => r.Score));
        Assert.Equal(1, _store.Items.Status("scenario").Reviews);
        Assert.Equal(1, _store.Items.Progress("scenario", a).ItemsReviewed);
    }

    [Fact]
    public async Task Only_the_last_submission_and_only_while_its_item_is_held_can_be_undone()
    {
        _store.Items.Push("scenario", Seeds.Many(3));
        var a = Reviewer();
        var one = await _store.Assignments.NextAsync("scenario", a);
        var first = StoreExtensions.Submission(a, one!.Item.Id, 0.1);
        await _store.Assignments.SubmitAsync(first);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var two = await _store.Assignments.NextAsync("scenario", a);
        var second = ReviewSubmission.CannotJudgeItem(a, two!.Item.Id, NewId(), null);
        await _store.Assignments.SubmitAsync(second);

        var older = await _store.Assignments.UndoAsync("scenario", a, first.SubmissionId);
        Assert.False(older.Undone);
        Assert.Contains("only your last submission", older.Message, StringComparison.Ordinal);

        _clock.Advance(TimeSpan.FromMinutes(10));
        var late = await _store.Assignments.UndoAsync("scenario", a, second.SubmissionId);
        Assert.False(late.Undone);
        Assert.Contains("too late", late.Message, StringComparison.Ordinal);
        Assert.Equal(1, _store.Items.Status("scenario").CannotJudge);
        Assert.Equal(1, _store.Items.Status("scenario").Reviews);
    }

    [Fact]
    public async Task Undoing_cant_judge_gives_the_item_back_to_be_scored()
    {
        _store.Items.Push("scenario", Seeds.Many(2));
        var a = Reviewer();
        var one = await _store.Assignments.NextAsync("scenario", a);
        var mark = ReviewSubmission.CannotJudgeItem(a, one!.Item.Id, NewId(), null);
        await _store.Assignments.SubmitAsync(mark);

        var undone = await _store.Assignments.UndoAsync("scenario", a, mark.SubmissionId);

        Assert.True(undone.Undone, undone.Message);
        Assert.Equal(0, _store.Items.Status("scenario").CannotJudge);
        Assert.Equal(1, _store.Items.Status("scenario").LiveLeases);
        Assert.Equal(one.Item.Id, (await _store.Assignments.NextAsync("scenario", a))!.Item.Id);
    }
}

public sealed class CannotJudgeAndUndoOnSqliteTests() : CannotJudgeAndUndoTests(TestStore.Sqlite());

public sealed class CannotJudgeAndUndoOnPostgresTests() : CannotJudgeAndUndoTests(TestStore.PostgresAtCurrentSchema());
