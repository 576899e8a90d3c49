using System.Text;
using SycoBench.Records;
using SycoBench.Scenarios;

namespace SycoBench.Tests.Scenarios;

public sealed class GridBuilderTests
{
    private static Scenario Rent => ScenarioLoader.Load(TestFiles.Scenario("rent-v1"));

    [Fact]
    public void Rent_v1_grid_equals_the_published_grid_byte_for_byte()
    {
        using var temp = new TempDirectory();
        var path = temp.File("grid.jsonl");

        JsonlFile.WriteAll(path, GridBuilder.Build(Rent).Prompts, RecordJsonContext.Default.GridPrompt);

        var expected = File.ReadAllBytes(TestFiles.Reference("grid.jsonl"));
        var actual = File.ReadAllBytes(path);
        if (!expected.AsSpan().SequenceEqual(actual))
        {
            var expectedLines = Encoding.UTF8.GetString(expected).Split('\n');
            var actualLines = Encoding.UTF8.GetString(actual).Split('\n');
            var first = Enumerable.Range(0, Math.Min(expectedLines.Length, actualLines.Length)).First(i => expectedLines[i] != actualLines[i]);
            Assert.Fail($"line {first + 1} differs:\nexpected {expectedLines[first]}\nactual   {actualLines[first]}");
        }
    }

    [Fact]
    public void Rent_v1_has_36_triplets_of_108_prompts_with_three_digit_ids()
    {
        var grid = GridBuilder.Build(Rent);

        Assert.Equal(36, grid.Triplets.Count);
        Assert.Equal(108, grid.Prompts.Count);
        Assert.Equal("000", grid.Prompts[0].PromptId);
        Assert.Equal("107", grid.Prompts[^1].PromptId);
    }

    [Fact]
    public void Without_neutral_the_grid_alternates_the_two_sides_and_ids_fit_its_size()
    {
        var grid = GridBuilder.Build(Rent, includeNeutral: false);

        Assert.Equal(72, grid.Prompts.Count);
        for (var i = 0; i < grid.Prompts.Count; i++)
            Assert.Equal(i % 2 == 0 ? "landlord" : "tenant", grid.Prompts[i].Perspective);
        Assert.Equal("00", grid.Prompts[0].PromptId);
        Assert.Equal("71", grid.Prompts[^1].PromptId);
    }

    [Theory]
    [InlineData("rent-v1")]
    [InlineData("wage-v1")]
    public void Every_triplet_matches_on_every_shared_dimension(string name)
    {
        var scenario = ScenarioLoader.Load(TestFiles.Scenario(name));
        var grid = GridBuilder.Build(scenario);
        var sideA = scenario.Sides[0];
        var sideB = scenario.Sides[1];

        Assert.Equal(scenario.TripletCount, grid.Triplets.Count);
        foreach (var triplet in grid.Triplets)
        {
            Assert.Equal([sideA.Name, sideB.Name, scenario.Neutral.Name], triplet.Prompts.Select(p => p.Perspective));
            foreach (var prompt in triplet.Prompts)
            {
                Assert.Equal((double)triplet.Amount, prompt.Factors.Amount);
                Assert.Equal(triplet.RelationshipQuality, prompt.Factors.RelationshipQuality);
                Assert.Equal((double)scenario.BaseValue, prompt.Factors.GetNumber(scenario.BaseKey));
                Assert.Equal(3, prompt.Messages.Count);
                Assert.Equal(prompt.Messages[0], triplet.Prompts[0].Messages[0]);
            }

            // Both sides give a justification of the same category and the quality each side's asker reports.
            var justification = scenario.Justifications.Single(j => j.Category == triplet.Category);
            var a = triplet.Prompts[0].Factors;
            var b = triplet.Prompts[1].Factors;
            Assert.Equal(justification.Codes[sideA.Name], a.Justification);
            Assert.Equal(justification.Codes[sideB.Name], b.Justification);
            Assert.Equal(triplet.Qualities[sideA.QualityKey], a.GetString(sideA.QualityKey));
            Assert.Equal(triplet.Qualities[sideB.QualityKey], b.GetString(sideB.QualityKey));
            Assert.Equal(
                scenario.Relationship.Compute(triplet.Qualities[scenario.Relationship.RowsKey], triplet.Qualities[scenario.Relationship.ColumnsKey]),
                triplet.RelationshipQuality);

            // The neutral prompt names no side's justification or quality.
            var neutral = triplet.Prompts[2].Factors;
            Assert.Null(neutral.Justification);
            Assert.False(neutral.TryGet(sideA.QualityKey, out _));
            Assert.False(neutral.TryGet(sideB.QualityKey, out _));
        }

        // Every combination appears exactly once.
        var combinations = grid.Triplets.Select(t => (t.Amount, t.Category, string.Join("/", t.Qualities.OrderBy(q => q.Key).Select(q => q.Value)))).ToHashSet();
        Assert.Equal(grid.Triplets.Count, combinations.Count);
    }

    [Fact]
    public void Wage_v1_is_built_from_its_own_data_without_any_code_for_it()
    {
        var scenario = ScenarioLoader.Load(TestFiles.Scenario("wage-v1"));
        var first = GridBuilder.Build(scenario).Prompts[0];

        Assert.Equal("employee", first.Perspective);
        Assert.Equal(
            ["perspective", "base_salary", "amount", "relationship_quality", "justification", "employer_quality"],
            first.Factors.Entries.Select(e => e.Key));
        Assert.Contains("3200€", first.Messages[2].Content, StringComparison.Ordinal);
        Assert.Contains("\"base_salary\": 3200", first.Messages[1].Content, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("good", "good", "good")]
    [InlineData("good", "poor", "one_sided_positive")]
    [InlineData("poor", "good", "one_sided_negative")]
    [InlineData("poor", "poor", "bad")]
    [InlineData("positive", "bad", "one_sided_positive")]
    [InlineData("+", "-", "one_sided_positive")]
    [InlineData("okay", "good", "leaning_good")]
    [InlineData("okay", "poor", "leaning_bad")]
    [InlineData("good", "unknown", "leaning_good")]
    [InlineData("meh", "whatever", "neutral")]
    public void Relationship_follows_the_affinity_table(string landlord, string tenant, string expected) =>
        Assert.Equal(expected, Rent.Relationship.Compute(landlord, tenant));
}
