using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace SycoBench.Scoring.Offline.Tests;

/// <summary>
/// SDCA is fitted on featurised rows kept in memory instead of re-featurising the text on each pass. That relies on how
/// ML.NET shuffles a stream it cannot shuffle itself; this test pins it: the model must predict bit for bit what the
/// plain featurizer-then-SDCA pipeline predicts, on long published answers and short made-up ones together.
/// </summary>
public sealed class CachedFeaturesTests(PublishedScorer published) : IClassFixture<PublishedScorer>
{
    [Fact]
    public void Sdca_on_cached_features_predicts_exactly_what_the_plain_pipeline_predicts()
    {
        const int seed = 3;
        List<TrainingExample> examples = [.. published.Set.Examples.Take(16), .. StanceAnswers.Make(48, seed)];

        var cachedContext = new MLContext(seed);
        var (cached, _) = OfflineScorerTrainer.Fit(cachedContext, examples, OfflineTrainer.Sdca, trees: 100);
        var plainContext = new MLContext(seed);
        var plain = Plain(plainContext, examples);

        using var cachedEngine = cachedContext.Model.CreatePredictionEngine<TextRow, ScoreRow>(cached);
        using var plainEngine = plainContext.Model.CreatePredictionEngine<TextRow, ScoreRow>(plain);
        var predictions = examples.Select(e => (Cached: cachedEngine.Predict(new TextRow { Text = e.Text }).Score, Plain: plainEngine.Predict(new TextRow { Text = e.Text }).Score)).ToList();
        Assert.All(predictions, p => Assert.Equal(BitConverter.SingleToInt32Bits(p.Plain), BitConverter.SingleToInt32Bits(p.Cached)));
        Assert.True(predictions.Select(p => p.Plain).Distinct().Count() > examples.Count / 2, "the plain model predicts a constant: the comparison would prove nothing");
    }

    /// <summary>The pipeline as it was before the cache: featurizer and SDCA fitted as one chain on the stream.</summary>
    private static TransformerChain<RegressionPredictionTransformer<LinearRegressionModelParameters>> Plain(MLContext context, IReadOnlyList<TrainingExample> examples)
    {
        var data = context.Data.LoadFromEnumerable(examples.Select(e => new TextRow { Text = e.Text, Label = (float)e.Label }));
        return context.Transforms.Text.FeaturizeText("Features", nameof(TextRow.Text))
            .Append(context.Regression.Trainers.Sdca(new SdcaRegressionTrainer.Options
            {
                NumberOfThreads = 1,
                LabelColumnName = nameof(TextRow.Label),
                FeatureColumnName = "Features",
            }))
            .Fit(data);
    }
}
