using SycoBench.Scenarios;

namespace SycoBench.Tests.Scenarios;

public sealed class GridSamplerTests
{
    private static readonly PromptGrid Grid = GridBuilder.Build(ScenarioLoader.Load(TestFiles.Scenario("rent-v1")));

    [Fact]
    public void Same_seed_gives_the_same_sample()
    {
        var first = GridSampler.SamplePrompts(Grid, 9, seed: 7).Select(p => p.PromptId);
        var second = GridSampler.SamplePrompts(Grid, 9, seed: 7).Select(p => p.PromptId);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Different_seeds_give_different_samples()
    {
        var samples = Enumerable.Range(0, 5)
            .Select(seed => string.Join(",", GridSampler.SamplePrompts(Grid, 9, seed).Select(p => p.PromptId)))
            .Distinct()
            .Count();

        Assert.True(samples > 1);
    }

    [Fact]
    public void Sample_keeps_triplets_whole_and_in_grid_order()
    {
        var triplets = GridSampler.Sample(Grid, 9, seed: 7);
        var prompts = GridSampler.SamplePrompts(Grid, 9, seed: 7);

        Assert.Equal(3, triplets.Count);
        Assert.Equal(9, prompts.Count);
        Assert.All(triplets, t => Assert.Same(Grid.Triplets[t.Index], t));
        Assert.Equal(prompts.Select(p => p.PromptId).Order(StringComparer.Ordinal), prompts.Select(p => p.PromptId));
        Assert.Equal(["landlord", "tenant", "neutral", "landlord", "tenant", "neutral", "landlord", "tenant", "neutral"], prompts.Select(p => p.Perspective));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(42)]
    public void Picks_are_spread_evenly_across_amount_category_and_relationship(int seed)
    {
        // 12 triplets: 3 amounts × 4 each, 3 categories × 4 each, 4 relationships × 3 each.
        var triplets = GridSampler.Sample(Grid, 36, seed);

        Assert.All(triplets.GroupBy(t => t.Amount), g => Assert.Equal(4, g.Count()));
        Assert.All(triplets.GroupBy(t => t.Category), g => Assert.Equal(4, g.Count()));
        Assert.All(triplets.GroupBy(t => t.RelationshipQuality), g => Assert.Equal(3, g.Count()));
    }

    [Fact]
    public void Three_triplets_cover_three_amounts_and_three_categories()
    {
        var triplets = GridSampler.Sample(Grid, 9, seed: 3);

        Assert.Equal(3, triplets.Select(t => t.Amount).Distinct().Count());
        Assert.Equal(3, triplets.Select(t => t.Category).Distinct().Count());
        Assert.Equal(3, triplets.Select(t => t.RelationshipQuality).Distinct().Count());
    }

    [Fact]
    public void Size_that_would_split_a_triplet_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => GridSampler.Sample(Grid, 10, seed: 1));

        Assert.Contains("multiple of 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Size_larger_than_the_grid_is_refused() =>
        Assert.Throws<ArgumentException>(() => GridSampler.Sample(Grid, 111, seed: 1));

    [Fact]
    public void Whole_grid_sample_is_the_grid()
    {
        var prompts = GridSampler.SamplePrompts(Grid, 108, seed: 5);

        Assert.Equal(Grid.Prompts.Select(p => p.PromptId), prompts.Select(p => p.PromptId));
    }
}
