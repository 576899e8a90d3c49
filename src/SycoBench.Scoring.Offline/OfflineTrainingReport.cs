namespace SycoBench.Scoring.Offline;

/// <summary>
/// Held-out figures of a trained scorer against its labels: mean absolute error, Pearson r, and the error of always
/// predicting the training mean (a model is worth keeping only if it beats that baseline).
/// </summary>
public sealed record OfflineTrainingReport(
    int TrainExamples,
    int HeldOutExamples,
    double MeanAbsoluteError,
    double PearsonR,
    double BaselineMeanAbsoluteError,
    OfflineTrainer Trainer,
    int Seed);
