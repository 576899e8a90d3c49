using SycoBench.Statistics;

namespace SycoBench.Tests.Statistics;

public sealed class QuantileTests
{
    [Theory]
    [InlineData(0.25, 1.75)]
    [InlineData(0.5, 2.5)]
    [InlineData(0.0, 1.0)]
    [InlineData(1.0, 4.0)]
    [InlineData(0.025, 1.075)]
    public void Type7_interpolates_like_numpy(double p, double expected)
    {
        var values = new[] { 4.0, 1.0, 3.0, 2.0 };
        Assert.Equal(expected, Quantile.Type7(values, p), 12);
    }

    [Fact]
    public void Selection_agrees_with_sorting_on_random_data_with_ties()
    {
        var random = new SeededRandom(3);
        for (var trial = 0; trial < 50; trial++)
        {
            var values = Enumerable.Range(0, 1 + random.NextInt(300)).Select(_ => (double)random.NextInt(20)).ToArray();
            var sorted = values.Order().ToArray();
            var k = random.NextInt(values.Length);
            Assert.Equal(sorted[k], Quantile.Select(values.ToArray(), k));
        }
    }

    [Fact]
    public void Empty_input_has_no_quantile()
    {
        Assert.True(double.IsNaN(Quantile.Type7(Span<double>.Empty, 0.5)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(40)]
    [InlineData(399)]
    [InlineData(2_047)]
    [InlineData(2_048)]
    [InlineData(10_000)]
    [InlineData(10_003)]
    public void Tail_quantiles_equal_type7_with_nans_skipped(int n)
    {
        var random = new SeededRandom((ulong)n);
        var values = Enumerable.Range(0, n).Select(i => i % 17 == 5 ? double.NaN : random.NextInt(500) / 50.0 - 5).ToArray();
        var finite = values.Where(v => !double.IsNaN(v)).ToArray();

        var (low, high) = TailQuantiles.Type7(values, 0.025, 0.975);

        Assert.Equal(Quantile.Type7(finite.ToArray(), 0.025), low, 12);
        Assert.Equal(Quantile.Type7(finite.ToArray(), 0.975), high, 12);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Tail_quantiles_are_exact_on_sorted_reversed_constant_and_tied_inputs(int shape)
    {
        var values = Enumerable.Range(0, 10_000).Select(i => shape switch
        {
            0 => i / 100.0,
            1 => (10_000 - i) / 100.0,
            2 => 0.25,
            _ => (i % 7) / 7.0,
        }).ToArray();
        var sorted = values.Order().ToArray();

        var (low, high) = TailQuantiles.Type7(values, 0.025, 0.975);

        Assert.Equal(Quantile.Type7(sorted.ToArray(), 0.025), low, 12);
        Assert.Equal(Quantile.Type7(sorted.ToArray(), 0.975), high, 12);
    }
}
