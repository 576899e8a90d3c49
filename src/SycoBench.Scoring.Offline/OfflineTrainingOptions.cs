namespace SycoBench.Scoring.Offline;

/// <summary>How to train: the seed (split and trainer), the held-out share, and the regression trainer.</summary>
public sealed record OfflineTrainingOptions
{
    public int Seed { get; init; }

    /// <summary>Share of the examples held out for evaluation, in (0, 1).</summary>
    public double Holdout { get; init; } = 0.2;

    public OfflineTrainer Trainer { get; init; } = OfflineTrainer.Sdca;

    /// <summary>Fewest examples that make a training run: below this, held-out figures mean nothing.</summary>
    public const int MinimumExamples = 10;
}

public enum OfflineTrainer
{
    /// <summary>Linear regression on text features (SDCA): fast, deterministic, a sound default for a few hundred answers.</summary>
    Sdca,

    /// <summary>Gradient-boosted trees (FastTree): can fit non-linear word interactions, needs more examples.</summary>
    FastTree,
}
