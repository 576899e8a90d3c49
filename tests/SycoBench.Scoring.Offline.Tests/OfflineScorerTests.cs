using System.Text.Json;
using SycoBench.Records;
using SycoBench.Scoring;

namespace SycoBench.Scoring.Offline.Tests;

public sealed class OfflineScorerTests
{
    [Fact]
    public void Trains_on_the_published_judge_scores_then_saves_loads_and_predicts_the_same()
    {
        using var temp = new TempDirectory();
        var set = TrainingSetReader.Read(TestFiles.Reference("run_scored.jsonl"));
        Assert.Equal(TrainingSource.JudgeScores, set.Kind);
        Assert.Equal(215, set.Examples.Count);
        Assert.Equal(1, set.LeftOut);

        var (scorer, report) = OfflineScorerTrainer.Train(set.Examples, new OfflineTrainingOptions { Seed = 3 });
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

        var (_, again) = OfflineScorerTrainer.Train(set.Examples, new OfflineTrainingOptions { Seed = 3 });
        Assert.Equal(report, again);
        scorer.Dispose();
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

        var (scorer, report) = OfflineScorerTrainer.Train(examples, new OfflineTrainingOptions { Seed = 1, Trainer = trainer });

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
    public async Task The_engine_scores_a_run_with_an_offline_scorer_and_no_other_provider()
    {
        using var temp = new TempDirectory();
        var set = TrainingSetReader.Read(TestFiles.Reference("run_scored.jsonl"));
        var (scorer, _) = OfflineScorerTrainer.Train(set.Examples, new OfflineTrainingOptions { Seed = 0 });
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
        scorer.Dispose();
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
