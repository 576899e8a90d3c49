using SycoBench.Statistics;

namespace SycoBench.Tests.Statistics;

public sealed class ClusteredMeanTests
{
    // t with 2 df has a closed form: t_{2, p} = (2p − 1) / √(2p(1 − p)); at p = 0.975 it is 0.95 / √0.04875 = 4.3026527….
    private static readonly double T2 = 0.95 / Math.Sqrt(0.04875);

    [Fact]
    public void One_way_interval_is_the_ratio_estimate_with_its_linearised_standard_error_and_G_minus_1_df()
    {
        // Units with sums 1, 2, 6 over 1, 2, 3 values: θ = 9/6 = 1.5. Residuals S_g − θ n_g: −0.5, −1, 1.5; squares 3.5.
        // SE² = G/(G − 1) · 3.5 / N² = 1.5 · 3.5 / 36 = 0.1458333…; 2 df.
        var interval = ClusteredMean.OneWay([1.0, 2.0, 6.0], [1.0, 2.0, 3.0])!;

        Assert.Equal(1.5, interval.Estimate, 12);
        Assert.Equal(Math.Sqrt(5.25 / 36), interval.StandardError, 12);
        Assert.Equal(2, interval.DegreesOfFreedom);
        Assert.Equal(4.302652729, T2, 8);
        Assert.Equal(1.5 - T2 * Math.Sqrt(5.25 / 36), interval.Low, 10);
        Assert.Equal(1.5 + T2 * Math.Sqrt(5.25 / 36), interval.High, 10);
    }

    [Fact]
    public void One_way_with_one_value_per_unit_is_the_t_interval_s_over_root_G()
    {
        // 1, 2, 6: mean 3, s² = (4 + 1 + 9)/2 = 7, SE = √(7/3).
        var interval = ClusteredMean.OneWay([1.0, 2.0, 6.0], [1.0, 1.0, 1.0])!;

        Assert.Equal(3 - T2 * Math.Sqrt(7.0 / 3), interval.Low, 10);
        Assert.Equal(3 + T2 * Math.Sqrt(7.0 / 3), interval.High, 10);
        Assert.Null(ClusteredMean.OneWay([1.0], [1.0]));
    }

    [Fact]
    public void Crossed_components_come_from_the_two_way_analysis_of_variance()
    {
        // Cells × paraphrases [[1, 2], [3, 5], [2, 6]]: row means 1.5, 4, 4; column means 2, 13/3; grand 19/6.
        // SS_A = 2 Σ (r − ȳ)² = 25/3, MS_A = 25/6; SS_B = 3 Σ (c − ȳ)² = 49/6, MS_B = 49/6; residuals ±2/3, ±1/6, ±5/6:
        // SS_E = 7/3 over (3 − 1)(2 − 1) = 2 df, MS_E = 7/6. σ²_cell = (25/6 − 7/6)/2 = 1.5, σ²_paraphrase = (49/6 − 7/6)/3 = 7/3,
        // σ²_residual = 7/6. Var(ȳ) = 1.5/3 + (7/3)/2 + (7/6)/6 = (MS_A + MS_B − MS_E)/6 = (67/6)/6.
        // Satterthwaite: df = (67/6)² / ((25/6)²/2 + (49/6)²/1 + (7/6)²/2).
        var crossed = ClusteredMean.Crossed(new double[,] { { 1, 2 }, { 3, 5 }, { 2, 6 } }, centre: 19.0 / 6)!;

        Assert.Equal(3, crossed.Cells);
        Assert.Equal(2, crossed.Paraphrases);
        Assert.Equal(1.5, crossed.CellVariance, 12);
        Assert.Equal(7.0 / 3, crossed.ParaphraseVariance, 12);
        Assert.Equal(7.0 / 6, crossed.ResidualVariance, 12);
        Assert.Equal(Math.Sqrt(67.0 / 36), crossed.Interval.StandardError, 12);
        var df = (67.0 / 6) * (67.0 / 6) / ((25.0 / 6) * (25.0 / 6) / 2 + (49.0 / 6) * (49.0 / 6) + (7.0 / 6) * (7.0 / 6) / 2);
        Assert.Equal(df, crossed.Interval.DegreesOfFreedom, 10);
        Assert.Equal(1.6395, crossed.Interval.DegreesOfFreedom, 3);
    }

    [Fact]
    public void A_missing_entry_is_filled_by_the_additive_fit_and_costs_one_residual_df()
    {
        // An exactly additive table (row + column effects) with one entry missing: the fit fills it with 1 + 30 = 31,
        // nothing is left for the residual, and the components are those of the full table. Rows 0, 1, 2 (+ 10 per
        // column): row means 10, 11, 12 → MS_A = 3 · 1 = 3; columns 0, 10, 20 → MS_B = 3 · 100 = 300.
        var full = ClusteredMean.Crossed(new double[,] { { 0, 10, 20 }, { 1, 11, 21 }, { 2, 12, 22 } }, centre: 11)!;
        var gap = ClusteredMean.Crossed(new double[,] { { 0, 10, 20 }, { 1, 11, double.NaN }, { 2, 12, 22 } }, centre: 11)!;

        Assert.Equal(1, gap.Missing);
        Assert.Equal(full.CellVariance, gap.CellVariance, 9);
        Assert.Equal(full.ParaphraseVariance, gap.ParaphraseVariance, 9);
        Assert.Equal(1.0, gap.CellVariance, 9);
        Assert.Equal(100.0, gap.ParaphraseVariance, 9);
        Assert.Equal(0, gap.ResidualVariance, 9);
        Assert.Null(ClusteredMean.Crossed(new double[,] { { 1, 2 }, { 3, double.NaN } }, centre: 2));
    }
}
