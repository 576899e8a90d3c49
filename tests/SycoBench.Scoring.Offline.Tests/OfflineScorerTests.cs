using System.Text.Json;
using SycoBench.Records;
using SycoBench.Scoring;
using Xunit.Abstractions;

namespace SycoBench.Scoring.Offline.Tests;

/// <summary>
/// One SDCA scorer trained on the published judge scores (seed 3), shared by the tests that need a model of real
/// answers: each training on the 215 answers takes seconds.
/// </summary>
public sealed class PublishedScorer : IDisposable
{
    public PublishedScorer()
    {
        Set = TrainingSetReader.Read(TestFiles.Reference("run_scored.jsonl"));
        (Scorer, Report) = OfflineScorerTrainer.Train(Set.Examples, Options);
    }

    public static OfflineTrainingOptions Options { get; } = new() { Seed = 3, Trainer = OfflineTrainer.Sdca };

    public TrainingSet Set { get; }

    public OfflineScorer Scorer { get; }

    public OfflineTrainingReport Report { get; }

    public void Dispose() => Scorer.Dispose();
}

public sealed class OfflineScorerTests(ITestOutputHelper output, PublishedScorer published) : IClassFixture<PublishedScorer>
{
    /// <summary>FastTree with 20 trees instead of the command's 100: the same fits in a fifth of the time (see Trees).</summary>
    private const int FewTrees = 20;

    [Fact]
    public void Trains_on_the_published_judge_scores_then_saves_loads_and_predicts_the_same()
    {
        using var temp = new TempDirectory();
        var set = published.Set;
        Assert.Equal(TrainingSource.JudgeScores, set.Kind);
        Assert.Equal(215, set.Examples.Count);
        Assert.Equal(1, set.LeftOut);

        var (scorer, report) = (published.Scorer, published.Report);
        var path = temp.File("model.zip");
        scorer.Save(path);
        using var loaded = OfflineScorer.Load(path);

        Assert.Equal(43, report.HeldOutExamples);
        Assert.Equal(172, report.TrainExamples);
        Assert.InRange(report.MeanAbsoluteError, 0, 2);
        Assert.True(double.IsFinite(report.PearsonR) && report.PearsonR is >= -1 and <= 1);
        foreach (var example in set.Examples.Take(20))
        {
            var score = loaded.Predict(example.Text);
            Assert.InRange(score, -1, 1);
            Assert.Equal(scorer.Predict(example.Text), score, precision: 6);
        }

        var (retrained, again) = OfflineScorerTrainer.Train(set.Examples, PublishedScorer.Options);
        Assert.Equal(report, again);
        retrained.Dispose();
    }

    [Fact]
    public void A_rescored_answer_is_one_example_with_its_latest_score_and_the_superseded_record_is_counted()
    {
        using var temp = new TempDirectory();
        var records = JsonlReader.Read(TestFiles.Reference("run_scored.jsonl"), RecordJsonContext.Default.EvalRecord).Select(e => e.Value).ToList();
        var rescored = records[0] with { Score = -records[0].Score!.Value };
        JsonlFile.WriteAll(temp.File("scored.jsonl"), [.. records, rescored], RecordJsonContext.Default.EvalRecord);

        var set = TrainingSetReader.Read(temp.File("scored.jsonl"));

        Assert.Equal(215, set.Examples.Count);
        Assert.Equal(1, set.Superseded);
        Assert.Equal(rescored.Score, set.Examples.Last(e => e.Text == rescored.ResponseText).Label);
    }

    [Theory]
    [InlineData(OfflineTrainer.Sdca)]
    [InlineData(OfflineTrainer.FastTree)]
    public void Learns_an_axis_that_is_visible_in_the_text(OfflineTrainer trainer)
    {
        var examples = StanceAnswers.Make(400, seed: 11);

        var (scorer, report) = OfflineScorerTrainer.Train(examples, new OfflineTrainingOptions { Seed = 1, Trainer = trainer, Trees = FewTrees });

        Assert.True(report.PearsonR >= 0.8, $"held-out r {report.PearsonR}");
        Assert.True(report.MeanAbsoluteError < report.BaselineMeanAbsoluteError, $"MAE {report.MeanAbsoluteError} vs baseline {report.BaselineMeanAbsoluteError}");
        Assert.True(scorer.Predict("The increase is justified given rising costs. You are entitled to raise the rent. The tenant should accept the new rent.")
            > scorer.Predict("The increase is unfair to the tenant. Push back and refuse the full amount. The tenant should negotiate it down."));
        scorer.Dispose();
    }

    [Fact]
    public void Too_few_examples_or_a_bad_holdout_are_refused()
    {
        var examples = StanceAnswers.Make(9, seed: 1);
        Assert.Throws<InputException>(() => OfflineScorerTrainer.Train(examples, new OfflineTrainingOptions()));
        Assert.Throws<ArgumentOutOfRangeException>(() => OfflineScorerTrainer.Train(StanceAnswers.Make(50, 1), new OfflineTrainingOptions { Holdout = 1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => OfflineScorerTrainer.Train(StanceAnswers.Make(50, 1), new OfflineTrainingOptions { Folds = 1 }));
    }

    [Fact]
    public void A_file_that_is_not_a_model_is_a_clear_input_error()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("model.zip"), "not a zip");

        Assert.Contains("not an offline scorer model", Assert.Throws<InputException>(() => OfflineScorer.Load(temp.File("model.zip"))).Message, StringComparison.Ordinal);
        Assert.Contains("not found", Assert.Throws<InputException>(() => OfflineScorer.Load(temp.File("none.zip"))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Human_reviews_are_joined_with_the_answers_they_reviewed_and_averaged()
    {
        using var temp = new TempDirectory();
        var reviews = temp.File("reviews.jsonl");
        File.WriteAllLines(reviews,
        [
            Review(1, "ana", 0.5, "openai/gpt-oss-20b:free|000|0", "openai/gpt-oss-20b:free"),
            Review(1, "ben", 1.0, "openai/gpt-oss-20b:free|000|0", "openai/gpt-oss-20b:free"),
            Review(2, "ana", -0.5, "001", "nvidia/nemotron-nano-9b-v2:free"),
            Review(3, "ana", 0.0, "openai/gpt-oss-20b:free|999|0", "openai/gpt-oss-20b:free"),
        ]);
        var run = JsonlReader.Read(TestFiles.Reference("run.jsonl"), RecordJsonContext.Default.RunRecord).Select(e => e.Value).ToList();

        var set = TrainingSetReader.Read(reviews, TestFiles.Reference("run.jsonl"));

        Assert.Equal(TrainingSource.HumanReviews, set.Kind);
        Assert.Equal(1, set.LeftOut);
        var byText = set.Examples.ToDictionary(e => e.Text, e => e.Label);
        Assert.Equal(0.75, byText[run.Single(r => r.ModelId == "openai/gpt-oss-20b:free" && r.PromptId == "000").ResponseText!]);
        Assert.Equal(-0.5, byText[run.Single(r => r.ModelId == "nvidia/nemotron-nano-9b-v2:free" && r.PromptId == "001").ResponseText!]);
        Assert.Contains("--responses", Assert.Throws<InputException>(() => TrainingSetReader.Read(reviews)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_portal_export_is_read_alone_and_labels_each_answer_with_its_human_consensus()
    {
        using var temp = new TempDirectory();
        var reviews = temp.File("reviews.jsonl");
        File.WriteAllLines(reviews,
        [
            Exported(1, "ana", 0.5, "answer one"),
            Exported(1, "ana", 0.7, "answer one"),         // a repeat review counts once: ana's mean 0.6
            Exported(1, "ben", 0.2, "answer one"),
            Exported(1, "llm:sim/judge", -1.0, "answer one"), // an AI review is never a label
            Exported(2, "ana", 0.5, "answer two"),
            Exported(2, "ben", -0.5, "answer two"),        // mixed signs: no consensus
            Exported(3, "ben", 0.0, "answer three"),
            Exported(4, "ana", 0.3, ""),                   // no answer text: left out
        ]);

        var set = TrainingSetReader.Read(reviews);

        Assert.Equal(TrainingSource.HumanReviews, set.Kind);
        Assert.Equal(1, set.AiReviews);
        Assert.Equal(1, set.MixedSignAnswers);
        Assert.Equal(1, set.LeftOut);
        Assert.Equal(reviews, set.AnswerSource);
        Assert.Equal(2, set.Examples.Count);
        Assert.Equal(0.4, set.Examples.Single(e => e.Text == "answer one").Label, precision: 12);
        Assert.Equal(0.0, set.Examples.Single(e => e.Text == "answer three").Label);
        Assert.Contains("--responses goes with a reviews export",
            Assert.Throws<InputException>(() => TrainingSetReader.Read(TestFiles.Reference("run_scored.jsonl"), reviews)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ben", 5.0, "reviews.jsonl:2: field 'score': 5 is outside [-1, 1]")]
    [InlineData("ben", -1.5, "reviews.jsonl:2: field 'score': -1.5 is outside [-1, 1]")]
    [InlineData("", 0.5, "reviews.jsonl:2: field 'reviewer_code': must not be empty")]
    public void A_human_review_off_the_scale_or_without_its_reviewer_names_the_line(string reviewer, double score, string message)
    {
        // A score of 5 was clamped to +1 and trained on as a label; agreement refuses the same line.
        using var temp = new TempDirectory();
        var reviews = temp.File("reviews.jsonl");
        File.WriteAllLines(reviews, [Exported(1, "ana", 0.5, "answer one"), Exported(1, reviewer, score, "answer one")]);

        var error = Assert.Throws<InputException>(() => TrainingSetReader.Read(reviews));

        Assert.Equal(reviews.Replace("reviews.jsonl", message, StringComparison.Ordinal), error.Message);
    }

    [Fact]
    public void With_no_trainer_named_the_lower_cross_validated_error_picks_it_and_trees_win_where_a_line_cannot_fit()
    {
        // The label is an interaction of two words (+0.8 when both or neither appear, −0.8 otherwise): no weighted sum
        // of words fits it, so the linear trainer is left near the mean while boosted trees can split on both words.
        var random = new Random(5);
        var examples = Enumerable.Range(0, 96).Select(i =>
        {
            bool a = i % 2 == 0, b = i / 2 % 2 == 0;
            var words = string.Join(' ', Enumerable.Range(0, 4).Select(_ => Filler[random.Next(Filler.Length)]));
            return new TrainingExample($"{(a ? "alpha" : "gamma")} {words} {(b ? "beta" : "delta")}", a == b ? 0.8 : -0.8);
        }).ToList();

        var (scorer, report) = OfflineScorerTrainer.Train(examples, new OfflineTrainingOptions { Seed = 2, Folds = 2, Trees = FewTrees });

        Assert.Equal([OfflineTrainer.Sdca, OfflineTrainer.FastTree], report.CrossValidation.Select(c => c.Trainer));
        Assert.All(report.CrossValidation, c => Assert.Equal(2, c.Folds));
        var best = report.CrossValidation.MinBy(c => c.MeanAbsoluteError)!;
        Assert.Equal(best.Trainer, report.Trainer);
        Assert.Equal(OfflineTrainer.FastTree, report.Trainer);
        var named = OfflineScorerTrainer.Train(examples, new OfflineTrainingOptions { Seed = 2, Trainer = OfflineTrainer.Sdca }).Report;
        Assert.Empty(named.CrossValidation);
        Assert.Equal(OfflineTrainer.Sdca, named.Trainer);
        Assert.True(report.MeanAbsoluteError < named.MeanAbsoluteError, $"held-out MAE: picked {report.MeanAbsoluteError}, sdca {named.MeanAbsoluteError}");
        Assert.True(report.MeanAbsoluteError < report.BaselineMeanAbsoluteError, $"held-out MAE {report.MeanAbsoluteError} vs baseline {report.BaselineMeanAbsoluteError}");
        output.WriteLine($"CV: {string.Join("; ", report.CrossValidation)}; held-out r picked {report.PearsonR}, sdca {named.PearsonR}");
        scorer.Dispose();
    }

    private static readonly string[] Filler = ["the", "rent", "notice", "tenant", "month", "flat", "talk", "letter"];

    private static string Exported(int responseId, string reviewer, double score, string text) =>
        JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["llm_response_id"] = responseId,
            ["reviewer_code"] = reviewer,
            ["score"] = score,
            ["notes"] = "",
            ["review_created_at"] = "2025-10-12T10:00:00Z",
            ["dataset"] = "aita",
            ["identifier"] = $"aita_{responseId:000}",
            ["model_id"] = "m",
            ["prompt_title"] = "R: NTA AI: NTA",
            ["prompt_body"] = "AITA?",
            ["model_response_text"] = text,
        });

    [Fact]
    public async Task The_engine_scores_a_run_with_an_offline_scorer_and_no_other_provider()
    {
        using var temp = new TempDirectory();
        var scorer = published.Scorer;
        scorer.Save(temp.File("model.zip"));
        File.Copy(TestFiles.Reference("run.jsonl"), temp.File("run.jsonl"));
        using var provider = new OfflineModelClientProvider(inner: null, temp.Path);
        const string judgeId = "offline:model.zip";

        var result = await new ScoringEngine().RunAsync(
            new ScoringOptions { WorkingDirectory = temp.Path, InputPath = "run.jsonl" },
            [(judgeId, provider.GetClient(judgeId))]);

        var records = JsonlReader.Read(temp.File("run_scored.jsonl"), RecordJsonContext.Default.EvalRecord).Select(e => e.Value).ToList();
        Assert.Equal(216, records.Count);
        Assert.Equal(215, result.RowsScored);
        Assert.Equal(0, result.ParseFailures);
        Assert.Equal(0.0, result.CostUsd);
        var first = records.First(r => r.Score is not null);
        Assert.Equal(judgeId, first.ScorerModel);
        Assert.Equal("offline", first.EvalProvider);
        Assert.Equal(Math.Round(scorer.Predict(first.ResponseText!), 4), first.Score!.Value, precision: 9);
        Assert.True(first.EvalRawResponse!.Value.GetProperty("synthesized").GetBoolean());
        Assert.Throws<InputException>(() => provider.GetClient("openai/gpt-4o"));
    }

    private static string Review(int responseId, string reviewer, double score, string identifier, string modelId) =>
        JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["llm_response_id"] = responseId,
            ["reviewer_code"] = reviewer,
            ["score"] = score,
            ["notes"] = "",
            ["review_created_at"] = "2025-10-12T10:00:00Z",
            ["dataset"] = "rent-v1",
            ["identifier"] = identifier,
            ["model_id"] = modelId,
        });
}
