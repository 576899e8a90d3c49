namespace SycoBench.Labeling.Storage;

/// <summary>
/// A score of one item by a model, to be stored with <see cref="AiReviewStore.Add"/>. <see cref="ReviewerCode"/> is
/// <c>llm:&lt;model id&gt;</c> (<see cref="Reviews.AiReviewers.CodeFor"/>). With a <see cref="SubmissionId"/>, adding the
/// same review again stores nothing new (a resumed run); <see cref="CreatedAt"/> and <see cref="UpdatedAt"/> default
/// to now and are given only when a review is brought over from elsewhere.
/// </summary>
public sealed record AiReview(long ItemId, string ReviewerCode, double Score, string? Notes = null)
{
    public const int MaxNotesLength = 100_000;
    public const int MaxSubmissionIdLength = 200;

    public string? SubmissionId { get; init; }

    /// <summary>ISO 8601 UTC, as the store writes (<c>2025-01-31T12:00:00.000Z</c>).</summary>
    public string? CreatedAt { get; init; }

    public string? UpdatedAt { get; init; }

    /// <summary>Why it cannot be stored, naming the field; null when it can.</summary>
    public string? Validate()
    {
        if (!Reviews.AiReviewers.IsAi(ReviewerCode) || ReviewerCode.Length <= Reviews.AiReviewers.Prefix.Length)
            return $"reviewer_code '{ReviewerCode}' must be llm:<model id>";
        if (!double.IsFinite(Score) || Score is < -1 or > 1)
            return "score must be a number from -1 to 1";
        if (Notes is { Length: > MaxNotesLength })
            return $"notes must be at most {MaxNotesLength} characters";
        if (Notes is not null && Notes.Contains('\0', StringComparison.Ordinal))
            return "notes must not contain U+0000";
        if (SubmissionId is { } id && (id.Length == 0 || id.Length > MaxSubmissionIdLength))
            return $"submission_id must have 1 to {MaxSubmissionIdLength} characters";
        return null;
    }
}
