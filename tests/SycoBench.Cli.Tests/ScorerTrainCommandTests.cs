using System.Text.Json;
using SycoBench.Scoring.Offline;

namespace SycoBench.Cli.Tests;

public sealed class ScorerTrainCommandTests
{
    /// <summary>
    /// The one CLI test that trains (training itself is tested in SycoBench.Scoring.Offline.Tests): a tiny model on 30
    /// scored answers, then <c>score --scorer offline:</c> with that model and no provider or network at all. The
    /// answers are cut to one short sentence each: SDCA featurises the text again on every pass over the data, so
    /// the published answers' thousands of characters made this test spend seconds where it checks the wiring.
    /// </summary>
    [Fact]
    public async Task Trains_a_tiny_model_reports_held_out_figures_and_score_uses_it_without_network()
    {
        using var temp = new TempDirectory();
        var scored = File.ReadLines(Fixtures.Reference("run_scored.jsonl"))
            .Where(line => JsonDocument.Parse(line).RootElement.GetProperty("score").ValueKind == JsonValueKind.Number)
            .Take(30)
            .Select((line, i) => ShortAnswer(line, i));
        File.WriteAllLines(temp.File("run_scored.jsonl"), scored);
        File.WriteAllLines(temp.File("run.jsonl"), File.ReadLines(Fixtures.Reference("run.jsonl")).Take(12));

        var result = await CliRun.InProcessAsync(temp.Path, "scorer", "train", "--input", "run_scored.jsonl", "--out", "models/judge.zip", "--seed", "4", "--trainer", "sdca");
        var offline = await CliRun.InProcessAsync(temp.Path, "score", "--input", "run.jsonl", "--scorer", "offline:models/judge.zip", "--output", "offline.jsonl", "--no-aggregate");

        Assert.True(result.ExitCode == SycoBenchCli.ExitOk, result.Output + result.Error);
        Assert.Contains("Training set: 30 answers with a judge score", result.Output, StringComparison.Ordinal);
        Assert.Contains("held out 6 (seed 4)", result.Output, StringComparison.Ordinal);
        Assert.Contains("Pearson r", result.Output, StringComparison.Ordinal);
        Assert.Contains("MAE of always predicting the training mean", result.Output, StringComparison.Ordinal);
        Assert.Contains("score --scorer offline:models/judge.zip", result.Output, StringComparison.Ordinal);
        using var scorer = OfflineScorer.Load(temp.File("models/judge.zip"));
        Assert.InRange(scorer.Predict("You should accept the increase."), -1, 1);
        Assert.True(offline.ExitCode == SycoBenchCli.ExitOk, offline.Output + offline.Error);
        var records = File.ReadLines(temp.File("offline.jsonl")).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(12, records.Count);
        Assert.All(records.Where(r => r.GetProperty("response_text").ValueKind == JsonValueKind.String && r.GetProperty("error").ValueKind == JsonValueKind.Null), r =>
        {
            Assert.Equal("offline:models/judge.zip", r.GetProperty("scorer_model").GetString());
            Assert.Equal(Math.Round(scorer.Predict(r.GetProperty("response_text").GetString()!), 4), r.GetProperty("score").GetDouble(), precision: 9);
        });
    }

    [Fact]
    public async Task Trains_on_a_portal_export_alone_with_the_human_consensus_and_picks_the_trainer_by_cross_validation()
    {
        using var temp = new TempDirectory();
        var run = File.ReadLines(Fixtures.Reference("run.jsonl"))
            .Select((line, i) => JsonDocument.Parse(ShortAnswer(line, i)).RootElement)
            .Where(row => row.GetProperty("error").ValueKind == JsonValueKind.Null)
            .Take(21)
            .ToList();
        var reviews = run.Select((row, i) => Review(i + 1, "ana", i % 2 == 0 ? 0.5 : -0.5, row)).ToList();
        reviews.Add(Review(21, "ben", 0.5, run[20]));          // answer 21: ana 0.5, ben 0.5, cy −0.4
        reviews.Add(Review(21, "cy", -0.4, run[20]));          // mixed signs: no consensus, left out
        reviews.Add(Review(1, "llm:sim/judge", -1.0, run[0])); // an AI review: never a label
        File.WriteAllLines(temp.File("reviews.jsonl"), reviews);

        var result = await CliRun.InProcessAsync(temp.Path, "scorer", "train", "--input", "reviews.jsonl", "--out", "human.zip", "--folds", "2");

        Assert.Equal(SycoBenchCli.ExitOk, result.ExitCode);
        Assert.Contains("Training set: 20 reviewed answers from reviews.jsonl, each labelled with its human consensus (answer text from reviews.jsonl)", result.Output, StringComparison.Ordinal);
        Assert.Contains("Left out 1 reviews by AI reviewers", result.Output, StringComparison.Ordinal);
        Assert.Contains("Left out 1 answers whose reviewers disagree in sign", result.Output, StringComparison.Ordinal);
        Assert.Contains("2-fold CV MAE", result.Output, StringComparison.Ordinal);
        Assert.Matches("Picked (sdca|fasttree): the lower cross-validated MAE", result.Output);
        Assert.True(File.Exists(temp.File("human.zip")));
    }

    /// <summary>The record with its answer text replaced by a short sentence that still leans by the score's sign.</summary>
    private static string ShortAnswer(string line, int index)
    {
        var record = System.Text.Json.Nodes.JsonNode.Parse(line)!.AsObject();
        if (record["response_text"] is null)
            return line;
        var lean = record["score"]?.GetValue<double>() switch
        {
            > 0 => "the landlord may raise the rent",
            < 0 => "the tenant should refuse the raise",
            _ => "both sides should talk it over",
        };
        record["response_text"] = $"Answer {index}: {lean}.";
        return record.ToJsonString();
    }

    private static string Review(int id, string reviewer, double score, JsonElement row) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["llm_response_id"] = id,
        ["reviewer_code"] = reviewer,
        ["score"] = score,
        ["notes"] = "",
        ["review_created_at"] = "2025-10-12T10:00:00Z",
        ["dataset"] = "rent-v1",
        ["identifier"] = $"{row.GetProperty("model_id").GetString()}|{row.GetProperty("prompt_id").GetString()}|0",
        ["model_id"] = row.GetProperty("model_id").GetString()!,
        ["model_response_text"] = row.GetProperty("response_text").GetString()!,
    });

    [Theory]
    [InlineData(new[] { "scorer", "train", "--out", "m.zip" }, "--input is required")]
    [InlineData(new[] { "scorer", "train", "--input", "x.jsonl" }, "--out is required")]
    [InlineData(new[] { "scorer", "train", "--input", "x.jsonl", "--out", "m.zip", "--holdout", "1.5" }, "--holdout must be a share between 0 and 1")]
    [InlineData(new[] { "scorer", "train", "--input", "x.jsonl", "--out", "m.zip", "--trainer", "bert" }, "--trainer must be auto, sdca or fasttree")]
    [InlineData(new[] { "scorer", "train", "--input", "x.jsonl", "--out", "m.zip", "--trainer", "sdca", "--folds", "3" }, "--folds sets the cross-validation of --trainer auto")]
    public async Task Bad_options_exit_with_the_usage_code(string[] args, string message)
    {
        using var temp = new TempDirectory();

        var result = await CliRun.InProcessAsync(temp.Path, args);

        Assert.Equal(SycoBenchCli.ExitUsage, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_few_labels_or_a_missing_file_are_input_errors_and_write_no_model()
    {
        using var temp = new TempDirectory();
        File.WriteAllLines(temp.File("tiny.jsonl"), File.ReadLines(Fixtures.Reference("run_scored.jsonl")).Take(5));

        var tiny = await CliRun.InProcessAsync(temp.Path, "scorer", "train", "--input", "tiny.jsonl", "--out", "m.zip");
        var missing = await CliRun.InProcessAsync(temp.Path, "scorer", "train", "--input", "none.jsonl", "--out", "m.zip");

        Assert.Equal(SycoBenchCli.ExitFailure, tiny.ExitCode);
        Assert.Contains("5 labelled answers are too few", tiny.Error, StringComparison.Ordinal);
        Assert.Equal(SycoBenchCli.ExitFailure, missing.ExitCode);
        Assert.Contains("none.jsonl: file not found", missing.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.File("m.zip")));
    }
}
