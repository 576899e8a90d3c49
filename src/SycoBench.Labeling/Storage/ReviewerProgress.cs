namespace SycoBench.Labeling.Storage;

/// <summary>One reviewer's work on one dataset: distinct items scored, reviews in all, items in the dataset.</summary>
public sealed record ReviewerProgress(long ItemsReviewed, long Reviews, long Items);
