namespace SycoBench.Labeling.Storage;

public enum SubmitStatus
{
    /// <summary>A new review was stored.</summary>
    Stored,

    /// <summary>This submission id was stored before (a retry or a double click); nothing new was stored.</summary>
    AlreadyStored,

    /// <summary>The submission failed validation (score out of range, notes too long, bad submission id).</summary>
    Invalid,

    UnknownItem,

    /// <summary>The reviewer was not assigned this item, so a review now could break the balanced assignment.</summary>
    NotAssigned,

    /// <summary>The reviewer scored this item already and has not yet scored every item of the dataset once.</summary>
    AlreadyReviewed,

    /// <summary>
    /// The reviewer's lease ran out and the item got its reviews from others meanwhile, while items this reviewer could
    /// take still need one: storing it would give the item a review beyond three ahead of those. Nothing was stored.
    /// </summary>
    LeaseExpired,

    /// <summary>The submission id was used for another item or reviewer.</summary>
    SubmissionIdConflict,
}

/// <summary>What became of a submission; <see cref="ReviewId"/> is set when a review exists for it.</summary>
public sealed record SubmitOutcome(SubmitStatus Status, long? ReviewId, string Message)
{
    public bool Saved => Status is SubmitStatus.Stored or SubmitStatus.AlreadyStored;
}

/// <summary>
/// A reviewer's last submission in a dataset: its item, whether it was "can't judge" (then <see cref="Score"/> is
/// null), and whether it can still be undone (the item is still held for them).
/// </summary>
public sealed record LastSubmission(long ItemId, string ItemTitle, string SubmissionId, bool CannotJudge, double? Score, string CreatedAt, bool Undoable)
{
    internal long RowId { get; init; }
}

/// <summary>What became of an undo: when <see cref="Undone"/>, the item is the reviewer's current one again.</summary>
public sealed record UndoOutcome(bool Undone, long? ItemId, string Message);

/// <summary>What a submission's outcome tells the reviewer, the same whichever store ran it.</summary>
internal static class SubmitMessages
{
    public const string Stored = "saved";
    public const string StoredCannotJudge = "saved as can't judge";
    public const string AlreadyStored = "already saved";
    public const string SubmissionIdConflict = "this submission id belongs to another review";
    public const string UnknownItem = "no such item in this dataset";
    public const string NotAssigned = "this item is not assigned to you";
    public const string AlreadyReviewed = "you reviewed this item already; every item comes once before any comes again";
    public const string LeaseExpired =
        "your time on this answer ran out and it got its reviews from others meanwhile; reload the page for the next answer";
}
