using SycoBench.Statistics;

namespace SycoBench.Tests.Statistics;

public sealed class OneWayIccTests
{
    [Fact]
    public void Reproduces_the_published_single_and_average_icc()
    {
        var icc = OneWayIcc.Compute(PublishedTables.ShroutFleiss)!;

        Assert.Equal(0.1657, icc.SingleRating, precision: 4);
        Assert.Equal(0.4428, icc.AverageRating, precision: 4);
        Assert.Equal(4, icc.RatingsPerUnit, precision: 12);
        Assert.Equal(6, icc.Units);
        Assert.Equal(24, icc.Ratings);
    }

    [Fact]
    public void Published_mean_squares()
    {
        var icc = OneWayIcc.Compute(PublishedTables.ShroutFleiss)!;

        Assert.Equal(11.24, icc.MeanSquareBetween, precision: 2);
        Assert.Equal(6.26, icc.MeanSquareWithin, precision: 2);
    }

    [Fact]
    public void Units_with_one_rating_are_left_out_and_unequal_sizes_use_the_adjusted_k()
    {
        var icc = OneWayIcc.Compute([[1, 1.5], [0.5], [-1, -0.5, -0.75], [0, 0.25]])!;

        Assert.Equal(3, icc.Units);
        Assert.Equal(7, icc.Ratings);
        // k0 = (7 - (4 + 9 + 4) / 7) / 2
        Assert.Equal((7 - 17.0 / 7) / 2, icc.RatingsPerUnit, precision: 12);
        Assert.True(icc.SingleRating > 0.8);
    }

    [Fact]
    public void Too_few_units_give_no_result() => Assert.Null(OneWayIcc.Compute([[1, 2], [3]]));
}
