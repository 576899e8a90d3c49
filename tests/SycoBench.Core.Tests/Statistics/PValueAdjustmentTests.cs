using SycoBench.Statistics;

namespace SycoBench.Tests.Statistics;

public sealed class PValueAdjustmentTests
{
    [Fact]
    public void Step_down_multipliers_and_monotonicity()
    {
        // Sorted: 0.01·3 = 0.03, 0.03·2 = 0.06, 0.04·1 = 0.04 → raised to 0.06.
        var adjusted = PValueAdjustment.Holm([0.01, 0.04, 0.03]);
        Assert.Equal([0.03, 0.06, 0.06], adjusted.Select(p => Math.Round(p, 12)));
    }

    [Fact]
    public void Values_are_capped_at_one_and_missing_tests_do_not_count()
    {
        var adjusted = PValueAdjustment.Holm([0.6, double.NaN, 0.02]);
        Assert.Equal(0.04, adjusted[2], 12);
        Assert.True(double.IsNaN(adjusted[1]));
        Assert.Equal(0.6, adjusted[0], 12);
        Assert.Equal(1.0, PValueAdjustment.Holm([0.7, 0.8])[0]);
    }
}

public sealed class BenjaminiHochbergTests
{
    [Fact]
    public void Adjusts_like_r_p_adjust_bh()
    {
        // R: p.adjust(c(0.01, 0.04, 0.03, 0.005), "BH") = 0.02 0.04 0.04 0.02
        // sorted 0.005, 0.01, 0.03, 0.04 → m p / j = 0.02, 0.02, 0.04, 0.04, then the running minimum from the top.
        Assert.Equal([0.02, 0.04, 0.04, 0.02], PValueAdjustment.BenjaminiHochberg([0.01, 0.04, 0.03, 0.005]), new ToleranceComparer());
        var withNaN = PValueAdjustment.BenjaminiHochberg([double.NaN, 0.5, 0.01]);
        Assert.True(double.IsNaN(withNaN[0]));
        Assert.Equal(0.5, withNaN[1], 12);
        Assert.Equal(0.02, withNaN[2], 12);
    }

    private sealed class ToleranceComparer : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) < 1e-12;

        public int GetHashCode(double obj) => 0;
    }
}
