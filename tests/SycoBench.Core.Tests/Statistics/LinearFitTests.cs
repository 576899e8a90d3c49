using SycoBench.Statistics;

namespace SycoBench.Tests.Statistics;

public sealed class LinearFitTests
{
    [Fact]
    public void Least_squares_line_by_hand()
    {
        // x̄ = 2, ȳ = 2; Σ(x − x̄)(y − ȳ) = 1 + 0 + 0 = 1, Σ(x − x̄)² = 2 → slope ½, intercept 2 − ½ · 2 = 1.
        var fit = LinearFit.Compute([1, 2, 3], [1, 3, 2]);

        Assert.Equal(0.5, fit.Slope, precision: 12);
        Assert.Equal(1.0, fit.Intercept, precision: 12);
        Assert.Equal(3, fit.Points);
    }

    [Fact]
    public void Points_on_a_line_give_that_line_and_a_constant_x_gives_none()
    {
        var exact = LinearFit.Compute([-1, 0, 0.5, 1], [-0.8, 0.2, 0.7, 1.2]);
        Assert.Equal(1.0, exact.Slope, precision: 12);
        Assert.Equal(0.2, exact.Intercept, precision: 12);

        Assert.True(double.IsNaN(LinearFit.Compute([0.3, 0.3], [0, 1]).Slope));
        Assert.True(double.IsNaN(LinearFit.Compute([0.3], [1]).Intercept));
    }
}
