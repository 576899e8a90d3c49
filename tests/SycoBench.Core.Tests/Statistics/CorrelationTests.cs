using SycoBench.Statistics;

namespace SycoBench.Tests.Statistics;

public sealed class CorrelationTests
{
    [Fact]
    public void Pearson_of_a_known_example()
    {
        // x = 1..5, y = 2, 4, 5, 4, 5: r = 0.7745966692 (sxy = 6, sxx = 10, syy = 6).
        Assert.Equal(6 / Math.Sqrt(60), Correlation.Pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]), precision: 12);
    }

    [Fact]
    public void Spearman_uses_average_ranks_for_ties()
    {
        Assert.Equal([1, 2.5, 2.5, 4], Correlation.Ranks([0.1, 0.5, 0.5, 0.9]));
        // Ranks of y: 1, 2.5, 4.5, 2.5, 4.5 → Pearson of (1..5) with them.
        Assert.Equal(Correlation.Pearson([1, 2, 3, 4, 5], [1, 2.5, 4.5, 2.5, 4.5]), Correlation.Spearman([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]), precision: 12);
    }

    [Fact]
    public void Monotone_but_not_linear_is_one_for_spearman_only()
    {
        double[] x = [1, 2, 3, 4, 5];
        double[] y = [1, 4, 9, 16, 100];
        Assert.Equal(1.0, Correlation.Spearman(x, y), precision: 12);
        Assert.True(Correlation.Pearson(x, y) < 0.95);
    }

    [Fact]
    public void No_variation_is_undefined()
    {
        Assert.True(double.IsNaN(Correlation.Pearson([1, 1, 1], [1, 2, 3])));
        Assert.True(double.IsNaN(Correlation.Pearson([1], [1])));
    }

    [Fact]
    public void Unequal_lengths_are_refused() =>
        Assert.Throws<ArgumentException>(() => Correlation.Pearson([1, 2], [1]));
}
