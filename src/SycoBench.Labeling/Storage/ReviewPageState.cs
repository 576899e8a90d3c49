namespace SycoBench.Labeling.Storage;

/// <summary>
/// What a review page shows from the store: the reviewer's item (null when none is left for them), the dataset's
/// coverage and the reviewer's progress, read after the item was handed out.
/// </summary>
public sealed record ReviewPageState(Assignment? Assignment, DatasetCoverage Coverage, ReviewerProgress Progress);
