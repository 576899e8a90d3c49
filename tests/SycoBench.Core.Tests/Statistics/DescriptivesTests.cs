using SycoBench.Statistics;

namespace SycoBench.Tests.Statistics;

public sealed class DescriptivesTests
{
    [Fact]
    public void Mean_sample_deviation_median_and_range_by_hand()
    {
        // Mean 1.25 / 4 = 0.3125; squared deviations .03515625 + .66015625 + .00390625 + .47265625 = 1.171875, / 3 = .390625
        // → sd .625; sorted −.5, .25, .5, 1 → median (.25 + .5) / 2.
        var d = Descriptives.Of([0.5, -0.5, 0.25, 1]);

        Assert.Equal(4, d.Count);
        Assert.Equal(0.3125, d.Mean, precision: 12);
        Assert.Equal(0.625, d.StandardDeviation, precision: 12);
        Assert.Equal(0.375, d.Median, precision: 12);
        Assert.Equal(-0.5, d.Minimum);
        Assert.Equal(1, d.Maximum);
    }

    [Fact]
    public void One_value_has_no_deviation_and_none_has_no_figures()
    {
        Assert.True(double.IsNaN(Descriptives.Of([0.4]).StandardDeviation));
        Assert.Equal(0.4, Descriptives.Of([0.4]).Median);
        Assert.True(double.IsNaN(Descriptives.Of([]).Mean));
    }
}
