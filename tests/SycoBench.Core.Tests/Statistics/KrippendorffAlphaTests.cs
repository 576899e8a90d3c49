using SycoBench.Statistics;

namespace SycoBench.Tests.Statistics;

public sealed class KrippendorffAlphaTests
{
    // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the four-observer example with missing
    // values: 12 units, observers A–D; interval alpha = 0.849.
    private static readonly double?[][] FourCoders =
    [
        [1, 1, null, 1],
        [2, 2, 3, 2],
        [3, 3, 3, 3],
        [3, 3, 3, 3],
        [2, 2, 2, 2],
        [1, 2, 3, 4],
        [4, 4, 4, 4],
        [1, 1, 2, 1],
        [2, 2, 2, 2],
        [null, 5, 5, 5],
        [null, null, 1, 1],
        [null, 3, null, null],
    ];

    [Fact]
    public void Reproduces_the_published_interval_alpha() =>
        Assert.Equal(0.849107, KrippendorffAlpha.Interval(FourCoders), precision: 6);

    [Fact]
    public void Perfect_agreement_is_one() =>
        Assert.Equal(1.0, KrippendorffAlpha.Interval(new double?[][] { [0.5, 0.5], [-1, -1], [0, 0] }), precision: 12);

    [Fact]
    public void No_variation_or_nothing_pairable_is_undefined()
    {
        Assert.True(double.IsNaN(KrippendorffAlpha.Interval(new double?[][] { [1, 1], [1, 1] })));
        Assert.True(double.IsNaN(KrippendorffAlpha.Interval(new double?[][] { [1, null], [null, 2] })));
    }

    [Fact]
    public void Systematic_disagreement_is_below_zero() =>
        Assert.True(KrippendorffAlpha.Interval(new double?[][] { [1, -1], [-1, 1], [1, -1], [-1, 1] }) < 0);
}
