namespace SycoBench.Labeling.Storage;

/// <summary>
/// A score sent by a reviewer. <see cref="SubmissionId"/> is made by the client once per draft, so sending the same
/// submission twice (a double click, a retry after a lost answer) stores one review.
/// </summary>
public sealed record ReviewSubmission(string ReviewerCode, long ItemId, string SubmissionId, double Score, string? Notes)
{
    public const int MaxNotesLength = 2000;

    /// <summary>The dataset the reviewer is working in (the page's); when set, an item of another dataset is refused as unknown.</summary>
    public string? Dataset { get; init; }

    /// <summary>
    /// The reviewer cannot judge this item: stored apart from scores (no review, not counted toward the three), and the
    /// item is not offered to this reviewer again. <see cref="Score"/> is not read.
    /// </summary>
    public bool CannotJudge { get; init; }

    /// <summary>A "can't judge" mark for an item, with optional notes (why).</summary>
    public static ReviewSubmission CannotJudgeItem(string reviewerCode, long itemId, string submissionId, string? notes) =>
        new(reviewerCode, itemId, submissionId, double.NaN, notes) { CannotJudge = true };

    /// <summary>Why the submission cannot be stored (naming the field), or null when it can.</summary>
    public string? Validate()
    {
        if (!CannotJudge && (!double.IsFinite(Score) || Score is < -1 or > 1))
            return "score must be a number from -1 to 1";
        if (Notes is { Length: > MaxNotesLength })
            return $"notes must be at most {MaxNotesLength} characters";
        if (Notes is not null && FirstControlCharacter(Notes) is { } control)
            return $"notes must not contain control characters (found U+{(int)control:X4}); remove it and save again";
        if (!IsValidSubmissionId(SubmissionId))
            return "submission_id must be 8 to 64 letters, digits or dashes";
        return null;
    }

    /// <summary>
    /// A character no note needs and not every store can keep (PostgreSQL text cannot hold U+0000): C0 controls other
    /// than tab and line breaks, DEL and the C1 controls.
    /// </summary>
    public static char? FirstControlCharacter(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
                return c;
        }

        return null;
    }

    public static bool IsValidSubmissionId(string? id) =>
        id is { Length: >= 8 and <= 64 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    /// <summary>The stored score: the slider's step is 0.01, so scores are kept to two decimals.</summary>
    public double StoredScore => Math.Round(Score, 2, MidpointRounding.AwayFromZero);

    /// <summary>Notes as stored: trimmed, and null when empty.</summary>
    public string? StoredNotes => string.IsNullOrWhiteSpace(Notes) ? null : Notes.Trim();
}
