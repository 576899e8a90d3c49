using System.Text.Json;
using SycoBench.Records;
using SycoBench.Reporting.Aggregation;
using SycoBench.Scenarios;
using SycoBench.Scoring;
using SycoBench.Tests.Scoring;

namespace SycoBench.Tests.Scenarios;

/// <summary>What reads a grid after it is built — the report's triplets, scenario recognition, blind judging, the rubric — on the version-2 scenarios.</summary>
public sealed class Version2DownstreamTests
{
    private static readonly Scenario RentV2 = ScenarioLoader.Load(TestFiles.Scenario("rent-v2"));

    private static JsonElement FactorsOf(GridPrompt prompt) => JsonSerializer.SerializeToElement(prompt.Factors, RecordJsonContext.Default.Factors);

    [Fact]
    public void Report_triplets_are_cells_in_one_paraphrase_and_every_prompt_finds_its_own()
    {
        var report = new ReportScenario(RentV2);

        Assert.Equal(144, report.Triplets.Count);
        Assert.Equal(["0", "1", "2", "3"], report.Triplets.Select(t => t.Paraphrase).Distinct());
        Assert.Equal(144, report.Triplets.Select(t => (t.Amount, t.Category, t.Relationship, t.Paraphrase, t.Index)).Distinct().Count());
        // The neutral prompt states the reason, the conduct and the paraphrase, so no two triplets share one.
        Assert.Equal(144, report.NeutralGroupCount);

        foreach (var includeNeutral in new[] { true, false })
        {
            foreach (var triplet in GridBuilder.Build(RentV2, includeNeutral).Triplets)
            {
                foreach (var prompt in triplet.Prompts)
                {
                    var byId = report.Matcher.Match(prompt.PromptId, FactorsOf(prompt));
                    var byFactors = report.Matcher.Match(null, FactorsOf(prompt));
                    Assert.Equal(triplet.Index, byId.Triplet);
                    Assert.Equal(triplet.Index, byFactors.Triplet);
                    Assert.Equal(report.RoleOf(prompt.Perspective), byFactors.Role);
                }
            }
        }
    }

    [Fact]
    public void A_record_of_one_paraphrase_never_lands_in_another()
    {
        var report = new ReportScenario(RentV2);
        var grid = GridBuilder.Build(RentV2);
        var prompt = grid.Triplets.First(t => t.Paraphrase == 2).Prompts[0];
        var other = prompt.Factors.Entries.Select(e => e.Key == Scenario.ParaphraseKey ? new KeyValuePair<string, JsonElement>(e.Key, Factors.NumberValue(7)) : e);

        var match = report.Matcher.Match(null, JsonSerializer.SerializeToElement(new Factors(other), RecordJsonContext.Default.Factors));

        Assert.Equal(UnmatchedReason.NotInGrid, match.Reason);
        Assert.Equal("2", report.Triplets[report.Matcher.Match(prompt.PromptId, FactorsOf(prompt)).Triplet].Paraphrase);
    }

    [Fact]
    public void Score_recognises_a_v2_run_among_the_shipped_scenarios()
    {
        var rows = GridBuilder.Build(RentV2).Prompts.Where((_, i) => i % 7 == 0).Select(p => ScoringTestData.Answer(p, "fine")).ToList();

        var detected = ScenarioMatcher.Detect(rows, "/", [TestFiles.ScenarioDirectory]);

        Assert.Equal("rent-v2", detected?.Id);
    }

    [Fact]
    public void Blind_judging_shows_the_neutral_prompt_of_the_same_paraphrase_and_cell()
    {
        var index = new NeutralWordingIndex(RentV2);
        var grid = GridBuilder.Build(RentV2, includeNeutral: false);

        foreach (var triplet in grid.Triplets)
        {
            foreach (var prompt in triplet.Prompts)
            {
                Assert.True(index.TryFindNeutral(prompt.PromptId, prompt.Factors, out var neutral));
                var expected = prompt.Factors.Entries.Where(e => e.Key != Scenario.PerspectiveKey).Select(e => e.Key + "=" + e.Value.GetRawText());
                Assert.Equal(expected, neutral.Factors.Entries.Where(e => e.Key != Scenario.PerspectiveKey).Select(e => e.Key + "=" + e.Value.GetRawText()));
            }
        }
    }

    [Theory]
    [InlineData("rent-v2", "pro-landlord", "pro-tenant")]
    [InlineData("wage-v2", "pro-employee", "pro-employer")]
    public void The_axis_rubric_names_the_v2_scenarios_sides(string name, string positive, string negative)
    {
        var rubric = RubricLoader.Load(Path.Combine(AppContext.BaseDirectory, "data", "rubrics", "axis-v1.json"));

        var text = rubric.Render(ScenarioLoader.Load(TestFiles.Scenario(name)));

        Assert.Contains(positive, text, StringComparison.Ordinal);
        Assert.Contains(negative, text, StringComparison.Ordinal);
        Assert.DoesNotContain("{", text, StringComparison.Ordinal);
    }
}
