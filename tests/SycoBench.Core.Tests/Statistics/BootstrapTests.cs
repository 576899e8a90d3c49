using SycoBench.Statistics;

namespace SycoBench.Tests.Statistics;

public sealed class BootstrapTests
{
    [Fact]
    public void Draws_depend_only_on_seed_and_k()
    {
        var a = new Bootstrap(1000, seed: 7);
        var b = new Bootstrap(1000, seed: 7);
        var c = new Bootstrap(1000, seed: 8);

        Assert.True(a.Draws(36).SequenceEqual(b.Draws(36)));
        Assert.False(a.Draws(36).SequenceEqual(c.Draws(36)));
        Assert.All(a.Draws(12).ToArray(), d => Assert.InRange(d, 0, 11));
    }

    [Fact]
    public void Replicates_are_means_of_the_drawn_rows()
    {
        var bootstrap = new Bootstrap(200, seed: 1);
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
        var bootstrap = new Bootstrap(10_000, seed: 0);
        var small = Sample(12);
        var large = Sample(120);

        var (lowSmall, highSmall) = Bootstrap.PercentileInterval(bootstrap.MeanReplicates(small, 12, 1));
        var (lowLarge, highLarge) = Bootstrap.PercentileInterval(bootstrap.MeanReplicates(large, 120, 1));

        Assert.InRange(small.Average(), lowSmall, highSmall);
        Assert.InRange(large.Average(), lowLarge, highLarge);
        Assert.True(highLarge - lowLarge < highSmall - lowSmall);
    }

    [Fact]
    public void Bootstrap_p_value_is_small_when_all_replicates_are_on_one_side()
    {
        Assert.Equal(2.0 / 1001, Bootstrap.TwoSidedPValue(Enumerable.Repeat(0.4, 1000).ToArray()), 12);
        Assert.Equal(1.0, Bootstrap.TwoSidedPValue(Enumerable.Range(-500, 1001).Select(i => i / 100.0).ToArray()));
    }

    [Fact]
    public void Any_statistic_same_seed_same_interval_another_seed_another()
    {
        var values = Enumerable.Range(0, 40).Select(i => i * 0.1).ToArray();
        var a = new Bootstrap(500, seed: 3).Percentile(values, Mean)!.Value;
        var b = new Bootstrap(500, seed: 3).Percentile(values, Mean)!.Value;
        var c = new Bootstrap(500, seed: 4).Percentile(values, Mean)!.Value;

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.Equal(0.95, a.Level);
    }

    [Fact]
    public void Any_statistic_uses_the_same_draws_as_the_mean_fast_path()
    {
        // A mean through the generic path and through MeanReplicates: the same resamples, so the same interval.
        var values = Enumerable.Range(0, 25).Select(i => Math.Sin(i)).ToArray();
        var bootstrap = new Bootstrap(2000, seed: 5);

        var generic = bootstrap.Percentile(values, Mean)!.Value;
        var (low, high) = Bootstrap.PercentileInterval(bootstrap.MeanReplicates(values, values.Length, 1));

        Assert.Equal(low, generic.Lower, 12);
        Assert.Equal(high, generic.Upper, 12);
    }

    [Fact]
    public void Resamples_without_a_value_are_left_out_and_nothing_to_resample_gives_no_interval()
    {
        var bootstrap = new Bootstrap(200, seed: 1);

        Assert.Null(bootstrap.Percentile(Array.Empty<double>(), Mean));
        Assert.Null(bootstrap.Percentile([1.0, 1.0], _ => double.NaN));
        var interval = bootstrap.Percentile([0.0, 1.0], s => s.Distinct().Count() == 1 ? double.PositiveInfinity : Mean(s))!.Value;
        Assert.Equal((0.5, 0.5), (interval.Lower, interval.Upper));
    }

    private static double Mean(IReadOnlyList<double> sample) => sample.Average();
}
