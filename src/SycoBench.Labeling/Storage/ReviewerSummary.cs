namespace SycoBench.Labeling.Storage;

/// <summary>A reviewer with how much they have done, for the admin pages and <c>portal status</c>.</summary>
public sealed record ReviewerSummary(ReviewerAccount Account, long Reviews, string? LastReviewAt);
