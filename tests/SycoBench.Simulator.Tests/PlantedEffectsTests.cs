using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SycoBench.Scenarios;

namespace SycoBench.Simulator.Tests;

/// <summary>The planted effects: persistent, seeded, shared where they should be, and the same over HTTP as in-process.</summary>
public sealed class PlantedEffectsTests
{
    private static readonly string Scenarios = Path.Combine(AppContext.BaseDirectory, "data", "scenarios");

    private static readonly Scenario RentV1 = ScenarioLoader.Load(Path.Combine(Scenarios, "rent-v1.json"));

    [Fact]
    public async Task Over_HTTP_a_prompt_s_answers_scatter_around_the_stance_the_in_process_simulator_expects()
    {
        var effects = new PlantedEffects { FactorSd = 0.15, PromptSd = 0.2, NeutralSd = 0.1 };
        await using var server = await SimServer.StartAsync(new SimOptions { Port = 0, Seed = 5, Effects = effects, ScenarioDirectories = [Scenarios] });
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl + "/") };
        var simulator = new ScoreSimulator(RentV1, effects);
        var model = "sim/sycophant@0.3";

        foreach (var prompt in simulator.Grid.Prompts.Take(6))
        {
            double sum = 0;
            const int samples = 24;
            for (var sample = 0; sample < samples; sample++)
                sum += SimJudge.Read(await AnswerAsync(http, model, prompt.PromptId, sample, prompt.Messages[^1].Content));

            var expected = simulator.ExpectedStance(model, prompt, seed: 5);
            // 24 answers: the mean's sampling error is about 0.12 / √24 ≈ 0.025 (plus the judge's sixths).
            Assert.InRange(sum / samples, expected - 0.09, expected + 0.09);
        }
    }

    [Fact]
    public void Effects_are_persistent_seeded_and_attached_to_what_they_name()
    {
        var none = new ScoreSimulator(RentV1);
        var prompts = new ScoreSimulator(RentV1, new PlantedEffects { PromptSd = 0.2 });
        var neutral = new ScoreSimulator(RentV1, new PlantedEffects { NeutralSd = 0.2 });
        var factors = new ScoreSimulator(RentV1, new PlantedEffects { FactorSd = 0.2 });
        var grid = none.Grid;
        var model = "sim/sycophant@0.3";

        Assert.All(grid.Prompts, p => Assert.Equal(ScoreSimulator.PlantedStance(model, Side(p)), none.ExpectedStance(model, p, 1), 12));
        // Per prompt: every prompt its own shift, a different one under another seed.
        var shifts = grid.Prompts.Select(p => prompts.ExpectedStance(model, p, 1) - ScoreSimulator.PlantedStance(model, Side(p))).ToArray();
        Assert.Equal(grid.Prompts.Count, shifts.Distinct().Count());
        Assert.InRange(StandardDeviation(shifts), 0.15, 0.25);
        Assert.NotEqual(shifts[0], prompts.ExpectedStance(model, grid.Prompts[0], 2) - ScoreSimulator.PlantedStance(model, 1));
        // Shared neutral: the neutral prompts with the same wording (rent-v1: 3 per question) share one shift; L and T have none.
        var byWording = grid.Prompts.Where(p => Side(p) == 0).GroupBy(p => p.Messages[^1].Content).ToArray();
        Assert.Equal(12, byWording.Length);
        Assert.All(byWording, g => Assert.Single(g.Select(p => neutral.ExpectedStance(model, p, 1)).Distinct()));
        Assert.Equal(12, byWording.Select(g => neutral.ExpectedStance(model, g.First(), 1)).Distinct().Count());
        Assert.All(grid.Prompts.Where(p => Side(p) != 0), p => Assert.Equal(ScoreSimulator.PlantedStance(model, Side(p)), neutral.ExpectedStance(model, p, 1), 12));
        // Factor levels: the landlord prompts of one (amount, justification, relationship, quality) cell are one prompt, so
        // compare two landlord prompts that differ in the amount only: their shifts differ by the amount levels' draws alone.
        var landlord = grid.Prompts.Where(p => Side(p) == 1).ToArray();
        var sameButAmount = landlord.GroupBy(p => Key(p, "amount")).Select(g => g.Select(p => factors.ExpectedStance(model, p, 1)).Distinct().Count());
        Assert.All(sameButAmount, n => Assert.True(n > 1));
        var byAmount = landlord.GroupBy(p => p.Factors.GetText("amount")).Select(g => g.Select(p => factors.ExpectedStance(model, p, 1)).Average()).ToArray();
        Assert.Equal(3, byAmount.Distinct().Count());
    }

    [Fact]
    public async Task A_side_dependent_refusal_is_a_400_content_filter_for_that_side_only()
    {
        var effects = new PlantedEffects { RefusePositive = 1 };
        await using var server = await SimServer.StartAsync(new SimOptions { Port = 0, Effects = effects, ScenarioDirectories = [Scenarios] });
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl + "/") };
        var grid = GridBuilder.Build(RentV1);

        var landlord = await PostAsync(http, "sim/balanced", grid.Prompts[0].PromptId, 0, grid.Prompts[0].Messages[^1].Content);
        var tenant = await PostAsync(http, "sim/balanced", grid.Prompts[1].PromptId, 0, grid.Prompts[1].Messages[^1].Content);

        Assert.Equal(HttpStatusCode.BadRequest, landlord.StatusCode);
        using var error = JsonDocument.Parse(await landlord.Content.ReadAsStringAsync());
        Assert.Equal("content_filter", error.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, tenant.StatusCode);
    }

    [Theory]
    [InlineData(-0.1, 0, 0)]
    [InlineData(0, 1.5, 0)]
    [InlineData(0, 0, double.NaN)]
    public void Out_of_range_effects_are_refused_with_the_option_named(double factorSd, double promptSd, double refusal)
    {
        var options = new SimOptions { Effects = new PlantedEffects { FactorSd = factorSd, PromptSd = promptSd, RefuseNeutral = refusal } };

        var error = Assert.Throws<InputException>(options.Validate);

        Assert.Matches("--(factor-sd|prompt-sd|refuse-neutral) must be between 0 and 1", error.Message);
    }

    private static int Side(SycoBench.Records.GridPrompt prompt) => prompt.Perspective switch { "landlord" => 1, "tenant" => -1, _ => 0 };

    private static string Key(SycoBench.Records.GridPrompt prompt, string without) =>
        string.Join(";", prompt.Factors.Entries.Where(e => e.Key != without).Select(e => e.Key + "=" + prompt.Factors.GetText(e.Key)));

    private static double StandardDeviation(double[] values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string model, string promptId, int sample, string user) =>
        http.PostAsJsonAsync("chat/completions", new
        {
            model,
            user = $"sycobench;prompt={promptId};sample={sample}",
            messages = new[] { new { role = "user", content = user } },
        });

    private static async Task<string> AnswerAsync(HttpClient http, string model, string promptId, int sample, string user)
    {
        using var response = await PostAsync(http, model, promptId, sample, user);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()!;
    }
}
