namespace SycoBench.Labeling.Storage;

/// <summary>
/// How far a dataset's labeling has come. <see cref="ItemsByReviewCount"/> has four entries: items with 0, 1, 2 and
/// 3 or more reviews. <see cref="Coverage"/> is the share of the needed reviews done: Σ min(reviews, 3) / (3 × items).
/// </summary>
public sealed record DatasetStatus(
    string Dataset,
    long Items,
    IReadOnlyList<long> ItemsByReviewCount,
    long Reviews,
    long Reviewers,
    long LiveLeases,
    double Coverage)
{
    /// <summary>Reviews written by models (never part of the counts above).</summary>
    public long AiReviews { get; init; }

    /// <summary>Distinct models (<c>llm:</c> codes) among <see cref="AiReviews"/>.</summary>
    public long AiReviewers { get; init; }

    /// <summary>"Can't judge" marks by reviewers (no reviews: never part of the counts above).</summary>
    public long CannotJudge { get; init; }

    public long CompleteItems => ItemsByReviewCount.Count > 3 ? ItemsByReviewCount[3] : 0;
}
