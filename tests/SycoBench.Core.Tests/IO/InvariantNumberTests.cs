using SycoBench.IO;

namespace SycoBench.Tests.IO;

public sealed class InvariantNumberTests
{
    // Expected strings are Python 3's f"{x:.4f}" of the same doubles.
    [Theory]
    [InlineData(0.03125, "0.0312")]
    [InlineData(-0.03125, "-0.0312")]
    [InlineData(0.09375, "0.0938")]
    [InlineData(0.00015, "0.0001")]
    [InlineData(-1e-05, "-0.0000")]
    [InlineData(-0.0, "-0.0000")]
    [InlineData(0.0, "0.0000")]
    [InlineData(2.675, "2.6750")]
    [InlineData(0.3333333333333333, "0.3333")]
    [InlineData(-0.3333333333333333, "-0.3333")]
    [InlineData(123456.78905, "123456.7891")]
    [InlineData(1e-20, "0.0000")]
    [InlineData(0.99995, "1.0000")]
    [InlineData(0.999949999, "0.9999")]
    [InlineData(0.16574074074074072, "0.1657")]
    [InlineData(1e22, "10000000000000000000000.0000")]
    public void Four_decimals_round_the_binary_value_half_to_even_like_python(double value, string expected)
    {
        Assert.Equal(expected, InvariantNumber.Fixed(value, 4));
    }

    [Theory]
    [InlineData(2.675, 2, "2.67")]
    [InlineData(0.125, 2, "0.12")]
    [InlineData(0.375, 2, "0.38")]
    [InlineData(2.5, 0, "2")]
    [InlineData(3.5, 0, "4")]
    public void Other_precisions_follow_the_same_rule(double value, int decimals, string expected)
    {
        Assert.Equal(expected, InvariantNumber.Fixed(value, decimals));
    }

    [Fact]
    public void Agrees_with_the_runtime_fixed_format_on_random_scores_and_shares()
    {
        var random = new SycoBench.Statistics.SeededRandom(17);
        for (var i = 0; i < 20_000; i++)
        {
            var value = (random.NextInt(2_000_001) - 1_000_000) / (double)(1 + random.NextInt(5000));
            Assert.Equal(value.ToString("F4", System.Globalization.CultureInfo.InvariantCulture), InvariantNumber.Fixed(value, 4));
        }
    }
}
