namespace SycoBench.Scoring.Offline;

/// <summary>
/// Held-out figures of a trained scorer against its labels: mean absolute error, Pearson r, and the error of always
/// predicting the training mean (a model is worth keeping only if it beats that baseline). When the trainer was
/// picked by cross-validation, <see cref="CrossValidation"/> holds every candidate's figures (empty when it was named).
/// </summary>
public sealed record OfflineTrainingReport(
    int TrainExamples,
    int HeldOutExamples,
    double MeanAbsoluteError,
    double PearsonR,
    double BaselineMeanAbsoluteError,
    OfflineTrainer Trainer,
    int Seed)
{
    public IReadOnlyList<TrainerCrossValidation> CrossValidation { get; init; } = [];
}

/// <summary>
/// One candidate trainer's cross-validated figures on the training share: each example predicted by the model fitted
/// on the other folds, then MAE and Pearson r over all those predictions (r is NaN when the predictions do not vary).
/// </summary>
public sealed record TrainerCrossValidation(OfflineTrainer Trainer, int Folds, double MeanAbsoluteError, double PearsonR);
