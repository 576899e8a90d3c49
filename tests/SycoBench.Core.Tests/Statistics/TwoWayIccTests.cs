using SycoBench.Statistics;

namespace SycoBench.Tests.Statistics;

public sealed class TwoWayIccTests
{
    [Fact]
    public void Reproduces_the_published_mean_squares_and_icc_2()
    {
        var icc = TwoWayIcc.Compute(PublishedTables.ShroutFleiss)!;

        // Table 2: BMS 11.24, JMS 32.49, EMS 1.02. Table 4: ICC(2,1) = .29, ICC(2,4) = .62.
        Assert.Equal(11.24, icc.MeanSquareUnits, precision: 2);
        Assert.Equal(32.49, icc.MeanSquareRaters, precision: 2);
        Assert.Equal(1.02, icc.MeanSquareError, precision: 2);
        Assert.Equal(0.29, icc.SingleRating, precision: 2);
        Assert.Equal(0.62, icc.AverageRating, precision: 2);
        // Unrounded: (11.2417 − 1.0194) / (11.2417 + 3 × 1.0194 + 4 × (32.4861 − 1.0194) / 6) = 0.289764.
        Assert.Equal(0.289764, icc.SingleRating, precision: 6);
        // (11.2417 − 1.0194) / (11.2417 + (32.4861 − 1.0194) / 6) = 0.620051.
        Assert.Equal(0.620051, icc.AverageRating, precision: 6);
        Assert.Equal(6, icc.Units);
        Assert.Equal(4, icc.Raters);
    }

    [Fact]
    public void A_rater_who_is_uniformly_harsher_keeps_icc_2_below_one()
    {
        // Rater B gives every unit exactly 0.5 less than A: the ranks agree perfectly, the levels do not.
        double[][] table = [[0.5, 0.0], [0.25, -0.25], [1.0, 0.5], [-0.5, -1.0]];

        var icc = TwoWayIcc.Compute(table)!;

        // EMS = 0 (no interaction), so ICC(2,1) = BMS / (BMS + 2 JMS / 4). Unit means 0.25, 0, 0.75, −0.75 around 0.0625:
        // BMS = 2 × (0.03515625 + 0.00390625 + 0.47265625 + 0.66015625) / 3 = 0.78125; JMS = 4 × 2 × 0.0625 / 1 = 0.5.
        Assert.Equal(0.78125 / (0.78125 + 0.25), icc.SingleRating, precision: 12);
        Assert.Equal(0.78125 / (0.78125 + 0.125), icc.AverageRating, precision: 12);
    }

    [Fact]
    public void Too_few_units_or_raters_give_no_result()
    {
        Assert.Null(TwoWayIcc.Compute([[1, 2]]));
        Assert.Null(TwoWayIcc.Compute([[1], [2]]));
        Assert.Throws<ArgumentException>(() => TwoWayIcc.Compute([[1, 2], [3]]));
    }
}
