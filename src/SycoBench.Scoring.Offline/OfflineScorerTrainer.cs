using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using SycoBench.Statistics;

namespace SycoBench.Scoring.Offline;

/// <summary>
/// Trains an offline scorer: answer text → score, with ML.NET's text featurizer (word uni- and bigrams, character
/// trigrams, normalised) and a regression trainer. A seeded shuffle holds out a share of the examples; the model is
/// trained on the rest and evaluated on the held-out share, and that model — the one the figures describe — is the one
/// returned and saved. With no trainer named, the trainer is picked by cross-validation on the training share first.
/// Single-threaded and seeded, so the same examples and seed give the same model and figures.
/// </summary>
public static class OfflineScorerTrainer
{
    public static (OfflineScorer Scorer, OfflineTrainingReport Report) Train(IReadOnlyList<TrainingExample> examples, OfflineTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(options);
        if (!(options.Holdout > 0 && options.Holdout < 1))
            throw new ArgumentOutOfRangeException(nameof(options), $"the held-out share must be between 0 and 1 (got {options.Holdout})");
        if (examples.Count < OfflineTrainingOptions.MinimumExamples)
            throw new InputException($"{examples.Count} labelled answers are too few to train and evaluate a scorer (at least {OfflineTrainingOptions.MinimumExamples})");

        if (options.Folds is < OfflineTrainingOptions.MinimumFolds or > OfflineTrainingOptions.MaximumFolds)
            throw new ArgumentOutOfRangeException(nameof(options), $"the folds must be from {OfflineTrainingOptions.MinimumFolds} to {OfflineTrainingOptions.MaximumFolds} (got {options.Folds})");

        var (train, test) = Split(examples, options.Seed, options.Holdout);
        IReadOnlyList<TrainerCrossValidation> crossValidation = [];
        var trainer = options.Trainer ?? Pick(train, options, out crossValidation);
        var context = new MLContext(options.Seed);
        var (model, trainData) = Fit(context, train, trainer, options.Trees);
        var scorer = new OfflineScorer(context, model, trainData.Schema);

        var predicted = test.Select(e => scorer.Predict(e.Text)).ToArray();
        var actual = test.Select(e => e.Label).ToArray();
        var trainMean = train.Average(e => e.Label);
        var report = new OfflineTrainingReport(
            train.Count,
            test.Count,
            predicted.Zip(actual, (p, a) => Math.Abs(p - a)).Average(),
            Correlation.Pearson(predicted, actual),
            actual.Average(a => Math.Abs(trainMean - a)),
            trainer,
            options.Seed)
        { CrossValidation = crossValidation };
        return (scorer, report);
    }

    /// <summary>
    /// Every trainer cross-validated on the training share (the held-out share is never seen): the shuffled training
    /// examples are dealt into <see cref="OfflineTrainingOptions.Folds"/> folds (example i into fold i mod k); the
    /// lowest pooled MAE wins, ties going to the earlier trainer (SDCA).
    /// </summary>
    private static OfflineTrainer Pick(List<TrainingExample> train, OfflineTrainingOptions options, out IReadOnlyList<TrainerCrossValidation> results)
    {
        var folds = Math.Min(options.Folds, train.Count);
        var list = new List<TrainerCrossValidation>();
        foreach (var candidate in Enum.GetValues<OfflineTrainer>())
        {
            var predicted = new double[train.Count];
            for (var fold = 0; fold < folds; fold++)
            {
                var fitOn = train.Where((_, i) => i % folds != fold).ToList();
                var context = new MLContext(options.Seed);
                var (model, data) = Fit(context, fitOn, candidate, options.Trees);
                using var scorer = new OfflineScorer(context, model, data.Schema);
                for (var i = fold; i < train.Count; i += folds)
                    predicted[i] = scorer.Predict(train[i].Text);
            }

            var actual = train.Select(e => e.Label).ToArray();
            list.Add(new TrainerCrossValidation(candidate, folds, predicted.Zip(actual, (p, a) => Math.Abs(p - a)).Average(), Correlation.Pearson(predicted, actual)));
        }

        results = list;
        return list.OrderBy(r => double.IsNaN(r.MeanAbsoluteError) ? double.PositiveInfinity : r.MeanAbsoluteError).ThenBy(r => r.Trainer).First().Trainer;
    }

    /// <summary>
    /// Featurizer then trainer, as one pipeline would fit them; for SDCA the featurised rows are computed once and kept
    /// in memory (<see cref="InOrderDataView"/>) rather than recomputed on each of its passes, with the same model.
    /// FastTree reads its data into its own binned form once, so it is fitted as a plain pipeline.
    /// </summary>
    internal static (ITransformer Model, IDataView Data) Fit(MLContext context, IReadOnlyList<TrainingExample> examples, OfflineTrainer trainer, int trees)
    {
        var data = context.Data.LoadFromEnumerable(examples.Select(ToRow));
        var featurize = context.Transforms.Text.FeaturizeText("Features", nameof(TextRow.Text));
        var estimator = Trainer(context, trainer, trees);
        if (trainer == OfflineTrainer.FastTree)
            return (featurize.Append(estimator).Fit(data), data);

        var featurizer = featurize.Fit(data);
        var featurized = featurizer.Transform(data);
        var predictor = estimator.Fit(new InOrderDataView(context.Data.Cache(featurized), featurized.GetRowCount()));
        return (featurizer.Append(predictor), data);
    }

    private static IEstimator<ITransformer> Trainer(MLContext context, OfflineTrainer trainer, int trees) => trainer switch
    {
        OfflineTrainer.FastTree => context.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
        {
            NumberOfThreads = 1,
            NumberOfTrees = trees,
            NumberOfLeaves = 8,
            MinimumExampleCountPerLeaf = 5,
            LabelColumnName = nameof(TextRow.Label),
            FeatureColumnName = "Features",
        }),
        _ => context.Regression.Trainers.Sdca(new SdcaRegressionTrainer.Options
        {
            NumberOfThreads = 1,
            LabelColumnName = nameof(TextRow.Label),
            FeatureColumnName = "Features",
        }),
    };

    /// <summary>A seeded shuffle, then the first ⌈holdout × n⌉ examples (at least two) are held out.</summary>
    private static (List<TrainingExample> Train, List<TrainingExample> Test) Split(IReadOnlyList<TrainingExample> examples, int seed, double holdout)
    {
        var order = examples.ToArray();
        SeededRandom.For(seed, SeedStreams.TrainingSplit).Shuffle(order);
        var testCount = Math.Clamp((int)Math.Ceiling(order.Length * holdout), 2, order.Length - 2);
        return (order.Skip(testCount).ToList(), order.Take(testCount).ToList());
    }

    private static TextRow ToRow(TrainingExample example) => new() { Text = example.Text, Label = (float)example.Label };
}
