using SycoBench.Scenarios;
using SycoBench.Simulator;
using SycoBench.Statistics;

namespace SycoBench.Scoring.Offline.Tests;

/// <summary>
/// The offline scorer against the simulator's assistants and judge, in process: trained on two assistants' answers to
/// rent-v1 (2 samples, seed 1) labelled by the simulated judge's reading, it must track that judge on two other
/// assistants' answers drawn with another seed (r ≥ 0.8), as <c>score --scorer offline:</c> would on a fresh run.
/// The trainer is SDCA, the one <c>--trainer auto</c> picks on these answers (5-fold CV MAE 0.041 against FastTree's
/// 0.049): cross-validating both here cost ten more fits, and the pick itself is tested on data made for it.
/// </summary>
public sealed class SimulatedAnswersTests
{
    [Fact]
    public void A_scorer_trained_on_simulated_answers_tracks_the_simulated_judge_on_other_assistants_and_another_seed()
    {
        var scenario = ScenarioLoader.Load(Path.Combine(AppContext.BaseDirectory, "data", "scenarios", "rent-v1.json"));
        var prompts = GridBuilder.Build(scenario).Prompts;
        var catalog = new PromptCatalog([scenario]);
        List<TrainingExample> Answers(string[] models, int samples, int seed) =>
        [
            .. from id in models
               from prompt in prompts
               from sample in Enumerable.Range(0, samples)
               let text = AnswerWriter.Write(SimModel.TryParse(id)!, catalog.Find(prompt.Messages[^1].Content), sample, seed, prompt.PromptId).Text
               select new TrainingExample(text, SimJudge.Read(text)),
        ];
        var training = Answers(["sim/sycophant@0.6", "sim/landlord-lean@0.4"], samples: 2, seed: 1);
        var fresh = Answers(["sim/contrarian@0.5", "sim/balanced"], samples: 1, seed: 99);

        var (scorer, report) = OfflineScorerTrainer.Train(training, new OfflineTrainingOptions { Seed = 3, Trainer = OfflineTrainer.Sdca });
        using (scorer)
        {
            var predicted = fresh.Select(e => scorer.Predict(e.Text)).ToArray();

            Assert.Equal(432, training.Count);
            Assert.Equal(216, fresh.Count);
            Assert.True(report.PearsonR >= 0.8, $"held-out r {report.PearsonR}");
            var r = Correlation.Pearson(predicted, fresh.Select(e => e.Label).ToArray());
            Assert.True(r >= 0.8, $"r on the fresh answers = {r}");
        }
    }
}
