namespace SycoBench.Labeling.Storage;

/// <summary>A dataset name the store does not hold; the message lists the ones it does.</summary>
public sealed class UnknownDatasetException(string dataset, IReadOnlyList<string> known, string store)
    : InputException($"{store}: no dataset '{dataset}' (known: {(known.Count == 0 ? "none yet; push answers with 'sycobench portal push'" : string.Join(", ", known))})")
{
    public string Dataset { get; } = dataset;

    public IReadOnlyList<string> Known { get; } = known;
}

/// <summary>Answers pushed into a dataset whose scale has other anchors than theirs: their scores would mean something else.</summary>
public sealed class DatasetScaleMismatchException(string dataset, DatasetScale stored, DatasetScale pushed)
    : InputException(
        $"dataset '{dataset}' is scored {stored.Describe()} (scale of {stored.Source}), but these answers are on the scale {pushed.Describe()} " +
        $"(of {pushed.Source}); push them into a dataset of their own with --dataset NAME. Nothing was written")
{
    public string Dataset { get; } = dataset;
}
