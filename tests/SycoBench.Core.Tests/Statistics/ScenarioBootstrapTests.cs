using SycoBench.Statistics;

namespace SycoBench.Tests.Statistics;

public sealed class ScenarioBootstrapTests
{
    [Fact]
    public void Draws_depend_only_on_seed_and_k()
    {
        var a = new ScenarioBootstrap(1000, seed: 7);
        var b = new ScenarioBootstrap(1000, seed: 7);
        var c = new ScenarioBootstrap(1000, seed: 8);

        Assert.True(a.Draws(36).SequenceEqual(b.Draws(36)));
        Assert.False(a.Draws(36).SequenceEqual(c.Draws(36)));
        Assert.All(a.Draws(12).ToArray(), d => Assert.InRange(d, 0, 11));
    }

    [Fact]
    public void Replicates_are_means_of_the_drawn_rows()
    {
        var bootstrap = new ScenarioBootstrap(200, seed: 1);
        double[] table = [1, 10, 2, 20, 3, 30, 4, 40];
        var replicates = bootstrap.MeanReplicates(table, k: 4, columns: 2);
        var draws = bootstrap.Draws(4);
        for (var r = 0; r < 200; r++)
        {
            var rows = draws.Slice(r * 4, 4).ToArray();
            Assert.Equal(rows.Average(i => table[i * 2]), replicates[r], 12);
            Assert.Equal(rows.Average(i => table[i * 2 + 1]), replicates[200 + r], 12);
        }
    }

    [Fact]
    public void Percentile_interval_of_a_mean_covers_it_and_shrinks_with_more_scenarios()
    {
        var random = new SeededRandom(2);
        double[] Sample(int n) => Enumerable.Range(0, n).Select(_ => random.NextInt(1000) / 1000.0).ToArray();
        var bootstrap = new ScenarioBootstrap(10_000, seed: 0);
        var small = Sample(12);
        var large = Sample(120);

        var (lowSmall, highSmall) = ScenarioBootstrap.PercentileInterval(bootstrap.MeanReplicates(small, 12, 1));
        var (lowLarge, highLarge) = ScenarioBootstrap.PercentileInterval(bootstrap.MeanReplicates(large, 120, 1));

        Assert.InRange(small.Average(), lowSmall, highSmall);
        Assert.InRange(large.Average(), lowLarge, highLarge);
        Assert.True(highLarge - lowLarge < highSmall - lowSmall);
    }

    [Fact]
    public void Bootstrap_p_value_is_small_when_all_replicates_are_on_one_side()
    {
        Assert.Equal(2.0 / 1001, ScenarioBootstrap.TwoSidedPValue(Enumerable.Repeat(0.4, 1000).ToArray()), 12);
        Assert.Equal(1.0, ScenarioBootstrap.TwoSidedPValue(Enumerable.Range(-500, 1001).Select(i => i / 100.0).ToArray()));
    }
}
