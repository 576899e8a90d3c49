using SycoBench.Scenarios;

namespace SycoBench.Simulator.Tests;

public sealed class SimulatedModelTests
{
    private static readonly PromptCatalog Catalog = PromptCatalog.FromDirectories([Path.Combine(AppContext.BaseDirectory, "data", "scenarios")]);

    private static readonly PromptGrid Rent = GridBuilder.Build(ScenarioLoader.Load(Path.Combine(AppContext.BaseDirectory, "data", "scenarios", "rent-v1.json")));

    [Theory]
    [InlineData("sim/sycophant@0.6", 0.6, 0.0)]
    [InlineData("sim/balanced", 0.0, 0.0)]
    [InlineData("sim/landlord-lean@0.4", 0.0, 0.4)]
    [InlineData("sim/contrarian@0.4", -0.4, 0.0)]
    public void The_judge_reads_the_planted_behaviour_back(string modelId, double plantedSi, double plantedLean)
    {
        var model = SimModel.TryParse(modelId)!;
        double towardAsker = 0, neutral = 0;
        var triplets = 0;
        foreach (var triplet in Rent.Triplets)
        {
            for (var sample = 0; sample < 5; sample++)
            {
                var scores = triplet.Prompts
                    .Select(p => SimJudge.Read(AnswerWriter.Write(model, Catalog.Find(p.Messages[^1].Content), sample, seed: 1).Text))
                    .ToArray();
                towardAsker += (scores[0] - scores[1]) / 2;
                neutral += scores[2];
                triplets++;
            }
        }

        Assert.Equal(plantedSi, towardAsker / triplets, precision: 1);
        Assert.Equal(plantedLean, neutral / triplets, precision: 1);
    }

    [Fact]
    public void Answers_are_deterministic_per_prompt_sample_and_seed_and_vary_between_samples()
    {
        var model = SimModel.TryParse("sim/sycophant")!;
        var prompt = Catalog.Find(Rent.Prompts[0].Messages[^1].Content);

        var first = AnswerWriter.Write(model, prompt, sample: 0, seed: 3).Text;

        Assert.Equal(first, AnswerWriter.Write(model, prompt, sample: 0, seed: 3).Text);
        Assert.NotEqual(first, AnswerWriter.Write(model, prompt, sample: 1, seed: 3).Text);
        Assert.NotEqual(first, AnswerWriter.Write(model, prompt, sample: 0, seed: 4).Text);
    }

    [Fact]
    public void A_fixed_seed_gives_a_pinned_answer_and_judge_reply()
    {
        // The simulator draws from SycoBench's own generator, so these stay the same on every machine and .NET version.
        var model = SimModel.TryParse("sim/sycophant")!;
        var prompt = Catalog.Find(Rent.Prompts[0].Messages[^1].Content);

        var (text, stance) = AnswerWriter.Write(model, prompt, sample: 0, seed: 3, "000");

        Assert.Equal(PinnedStance, stance);
        Assert.Equal(PinnedAnswerStart, text[..40]);
        Assert.Equal(PinnedReply, SimJudge.Reply(text, SimJudge.DefaultNoise, 0, seed: 3, "0"));
    }

    private const double PinnedStance = 0.40796198911686077;
    private const string PinnedAnswerStart = "That's a sensible thing to plan ahead fo";
    private const string PinnedReply = "0.39";

    [Fact]
    public void The_same_wording_under_two_prompt_ids_gives_independent_answers()
    {
        var model = SimModel.TryParse("sim/balanced")!;
        var neutral = Catalog.Find(Rent.Prompts[2].Messages[^1].Content);

        Assert.NotEqual(AnswerWriter.Write(model, neutral, 0, 0, "002").Text, AnswerWriter.Write(model, neutral, 0, 0, "014").Text);
        Assert.Equal(AnswerWriter.Write(model, neutral, 0, 0, "002").Text, AnswerWriter.Write(model, neutral, 0, 0, "002").Text);
    }

    [Fact]
    public void Answers_name_the_sides_and_amount_of_the_scenario()
    {
        var wage = GridBuilder.Build(ScenarioLoader.Load(Path.Combine(AppContext.BaseDirectory, "data", "scenarios", "wage-v1.json")));
        var model = SimModel.TryParse("sim/sycophant@1")!;

        var prompt = Catalog.Find(wage.Prompts[0].Messages[^1].Content);
        var text = AnswerWriter.Write(model, prompt, 0, 0).Text;

        Assert.Equal(1, prompt.AskerSide);
        Assert.Contains("employe", text, StringComparison.Ordinal);
        Assert.DoesNotContain("landlord", text, StringComparison.Ordinal);
        Assert.True(SimJudge.Read(text) > 0.5);
    }

    [Theory]
    [InlineData("rent-v2", "landlord", "tenant")]
    [InlineData("wage-v2", "employee", "employer")]
    public void Answers_to_v2_prompts_know_the_asker_and_name_the_sides_and_amount(string name, string positive, string negative)
    {
        var grid = GridBuilder.Build(ScenarioLoader.Load(Path.Combine(AppContext.BaseDirectory, "data", "scenarios", name + ".json")));
        var model = SimModel.TryParse("sim/sycophant@1")!;

        foreach (var triplet in grid.Triplets.Where(t => t.Index % 17 == 0))
        {
            int[] expectedSides = [1, -1, 0];
            for (var i = 0; i < 3; i++)
            {
                var prompt = Catalog.Find(triplet.Prompts[i].Messages[^1].Content);
                Assert.Equal(expectedSides[i], prompt.AskerSide);
                Assert.Equal((positive, negative), (prompt.PositiveName, prompt.NegativeName));
                Assert.Equal(triplet.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture), prompt.Amount);
                if (i == 2)
                    continue;
                var text = AnswerWriter.Write(model, prompt, 0, 0).Text;
                Assert.Matches($"{positive}|{negative}", text);
                Assert.True(SimJudge.Read(text) * expectedSides[i] > 0.5);
            }
        }
    }

    [Theory]
    [InlineData("sim/sycophant@1.5")]
    [InlineData("sim/oracle")]
    [InlineData("sim/balanced@x")]
    public void Unknown_or_out_of_range_models_are_not_simulated(string id) => Assert.Null(SimModel.TryParse(id));

    [Fact]
    public void Judge_replies_carry_one_number_and_sometimes_words_around_it()
    {
        var replies = Enumerable.Range(0, 200).Select(i => SimJudge.Reply("Both sides have a point.", 0.05, 0, 0, i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray();

        Assert.Contains(replies, r => r.StartsWith("Score:", StringComparison.Ordinal));
        Assert.Contains(replies, r => r.Contains("```", StringComparison.Ordinal));
        Assert.All(replies, r => Assert.Matches(@"[-+]?\d", r));
    }

    [Fact]
    public void Judge_fail_rate_gives_replies_without_a_number()
    {
        var answers = Enumerable.Range(0, 400).Select(i => $"Answer {i}: both sides have a point.").ToArray();

        var undecided = answers.Count(a => !System.Text.RegularExpressions.Regex.IsMatch(SimJudge.Reply(a, 0.05, 0.1, 0, ""), @"\d"));

        Assert.InRange(undecided, 20, 60);
    }
}
