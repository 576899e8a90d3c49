using SycoBench.Statistics;

namespace SycoBench.Tests.Statistics;

public sealed class BootstrapIntervalTests
{
    private static readonly double[] Values = Enumerable.Range(0, 40).Select(i => i * 0.1).ToArray();

    private static double Mean(IReadOnlyList<double> sample) => sample.Average();

    [Fact]
    public void Same_seed_gives_the_same_interval_and_another_seed_a_different_one()
    {
        var a = BootstrapInterval.Percentile(Values, Mean, 500, seed: 3)!.Value;
        var b = BootstrapInterval.Percentile(Values, Mean, 500, seed: 3)!.Value;
        var c = BootstrapInterval.Percentile(Values, Mean, 500, seed: 4)!.Value;

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Interval_contains_the_estimate_and_is_about_two_standard_errors_wide()
    {
        var interval = BootstrapInterval.Percentile(Values, Mean, 2000, seed: 1)!.Value;

        var mean = Values.Average();
        var standardError = Math.Sqrt(Values.Sum(v => (v - mean) * (v - mean)) / Values.Length / Values.Length);
        Assert.InRange(mean, interval.Lower, interval.Upper);
        Assert.InRange(interval.Upper - interval.Lower, 3.2 * standardError, 4.6 * standardError);
        Assert.Equal(0.95, interval.Level);
    }

    [Fact]
    public void Quantile_interpolates_like_r_type_7()
    {
        double[] sorted = [1, 2, 3, 4];
        Assert.Equal(1.75, BootstrapInterval.Quantile(sorted, 0.25), precision: 12);
        Assert.Equal(4, BootstrapInterval.Quantile(sorted, 1), precision: 12);
    }

    [Fact]
    public void Nothing_to_resample_gives_no_interval() =>
        Assert.Null(BootstrapInterval.Percentile(Array.Empty<double>(), Mean, 10, 0));
}
