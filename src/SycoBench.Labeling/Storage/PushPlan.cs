using SycoBench.Reviews;

namespace SycoBench.Labeling.Storage;

/// <summary>
/// What pushing seeds into a dataset does: <see cref="New"/> are added; <see cref="Unchanged"/> are stored already;
/// <see cref="Differing"/> share a stored item's (identifier, run_id) but not its text, and are left as stored
/// (reviews refer to what reviewers saw); <see cref="DuplicatesInInput"/> repeat a key earlier in the same input.
/// </summary>
public sealed record PushPlan(
    string Dataset,
    IReadOnlyList<LabelSeed> New,
    IReadOnlyList<LabelSeed> Unchanged,
    IReadOnlyList<LabelSeed> Differing,
    int DuplicatesInInput,
    bool Applied)
{
    /// <summary>The scale of the dataset pushed into (its stored one, or the one a new dataset gets).</summary>
    public DatasetScale? Scale { get; init; }

    /// <summary>Whether the push makes the dataset (it did not exist before).</summary>
    public bool NewDataset { get; init; }
}
