namespace SycoBench.Scoring.Offline;

/// <summary>
/// How to train: the seed (split, folds and trainer), the held-out share, and the regression trainer — or, with no
/// trainer named, the one that cross-validates best on the training share (<see cref="Folds"/> folds).
/// </summary>
public sealed record OfflineTrainingOptions
{
    public int Seed { get; init; }

    /// <summary>Share of the examples held out for evaluation, in (0, 1).</summary>
    public double Holdout { get; init; } = 0.2;

    /// <summary>The trainer; null: every trainer is cross-validated on the training share and the lowest MAE wins.</summary>
    public OfflineTrainer? Trainer { get; init; }

    /// <summary>Folds of the cross-validation that picks the trainer when none is named (2 to 20).</summary>
    public int Folds { get; init; } = 5;

    /// <summary>
    /// Boosted trees of the FastTree trainer. Not a user setting (the command line always trains 100): tests set a few so
    /// that trees are trained in well under a second; each tree costs about the same whatever the number of examples.
    /// </summary>
    internal int Trees { get; init; } = 100;

    /// <summary>Fewest examples that make a training run: below this, held-out figures mean nothing.</summary>
    public const int MinimumExamples = 10;

    public const int MinimumFolds = 2;

    public const int MaximumFolds = 20;
}

public enum OfflineTrainer
{
    /// <summary>Linear regression on text features (SDCA): fast, deterministic; on few or subtle labels it can end up predicting about the mean.</summary>
    Sdca,

    /// <summary>Gradient-boosted trees (FastTree): can fit non-linear word interactions, needs more examples.</summary>
    FastTree,
}
