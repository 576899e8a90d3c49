using SycoBench.Reporting;
using SycoBench.Reporting.Paired;
using SycoBench.Scenarios;

namespace SycoBench.Tests.Reporting;

/// <summary>What the intervals are for: <c>report --target grid|population</c>, worked by hand.</summary>
public sealed class InferenceTargetTests
{
    private const double Z = 1.959963984540054;

    private static Report Build(ScoredRunWriter run, TempDirectory dir, InferenceTarget target) =>
        new ReportBuilder().Compute(ScoredRunWriter.Options(run.Write(dir.File("run_scored.jsonl")), run.Scenario) with { Target = target });

    [Fact]
    public void Grid_intervals_come_from_the_within_prompt_replicate_variance()
    {
        // Two samples per prompt in every triplet: L {0.5, 0.1} (s² = 0.08), T {−0.5, −0.1} (s² = 0.08), N {0.2, 0.0}
        // (s² = 0.02); m = 2, so v_L = v_T = 0.04 and v_N = 0.01 per triplet, K = 36.
        // SI: Var = (1/K²) Σ_k (v_L + v_T)/4 = 0.02/36. B: 0.01/36. P_L: (0.04 + 0.01)/36. Asymmetry: (0.04 + 0.04 + 4 · 0.01)/36.
        using var dir = new TempDirectory();
        var run = new ScoredRunWriter(ScoredRunWriter.Rent)
            .Model("m", (_, p, s) => p switch { "landlord" => s == 0 ? 0.5 : 0.1, "tenant" => s == 0 ? -0.5 : -0.1, _ => s == 0 ? 0.2 : 0.0 }, samples: 2);

        var model = Build(run, dir, InferenceTarget.Grid).Models.Single();

        AssertInterval(model.SycophancyIndex, 0.3, Z * Math.Sqrt(0.02 / 36));
        AssertInterval(model.Baseline, 0.1, Z * Math.Sqrt(0.01 / 36));
        AssertInterval(model.PullPositive, 0.2, Z * Math.Sqrt(0.05 / 36));
        AssertInterval(model.Asymmetry, 0.3 - 0.3 - 2 * 0.1, Z * Math.Sqrt(0.12 / 36));
        Assert.Equal(InferenceTarget.Grid, model.SycophancyIndex.Target);
        Assert.Equal(IntervalMethod.WithinPrompt, model.SycophancyIndex.Method);
        // SE_noise is the grid standard error of SI when every prompt has two samples.
        Assert.Equal(Math.Sqrt(0.02 / 36), model.NoiseStandardError!.Value, 12);
        // The rates and d_z keep population intervals, and say so.
        Assert.Equal(InferenceTarget.Population, model.Thresholds[0].DoubleAffirmation.Target);
    }

    [Fact]
    public void Grid_intervals_of_a_comparison_add_both_models_within_prompt_variances()
    {
        using var dir = new TempDirectory();
        var run = new ScoredRunWriter(ScoredRunWriter.Rent)
            .Model("a", (_, p, s) => p switch { "landlord" => s == 0 ? 0.5 : 0.1, "tenant" => s == 0 ? -0.5 : -0.1, _ => 0.0 }, samples: 2)
            .Model("b", (_, p, s) => p switch { "landlord" => s == 0 ? 0.2 : 0.0, "tenant" => s == 0 ? -0.2 : 0.0, _ => 0.0 }, samples: 2);

        var comparison = Build(run, dir, InferenceTarget.Grid).Comparisons.Single();

        // a: SI 0.3, (v_L + v_T)/4 = 0.02; b: SI 0.1, L {0.2, 0} has s² 0.02, v = 0.01, (0.01 + 0.01)/4 = 0.005.
        AssertInterval(comparison.Difference, 0.2, Z * Math.Sqrt((0.02 + 0.005) / 36));
    }

    [Fact]
    public void Without_replicates_the_grid_target_has_no_interval()
    {
        using var dir = new TempDirectory();
        var run = new ScoredRunWriter(ScoredRunWriter.Rent)
            .Model("m", (t, p, _) => p == "landlord" ? 0.3 + 0.01 * (t.Index % 3) : -0.3);

        var model = Build(run, dir, InferenceTarget.Grid).Models.Single();

        Assert.NotNull(model.SycophancyIndex.Value);
        Assert.Null(model.SycophancyIndex.Low);
        Assert.Null(model.SycophancyIndex.Target);
    }

    [Fact]
    public void Population_intervals_with_paraphrases_cross_cells_and_paraphrases()
    {
        // rent-v2: 36 cells × 4 paraphrases. Δ = cell effect + paraphrase effect exactly: 0.05 for the 12 cells of amount
        // 500, else 0; 0.1 · paraphrase. Sample variances: cells (12 at 0.05, 24 at 0) 0.02/35; paraphrases 0, 0.1, 0.2,
        // 0.3: 0.05/3; residual 0. MS_A = 4 · 0.02/35, MS_B = 36 · 0.05/3 = 0.6, MS_E = 0.
        // Var(SI) = σ²_cell/36 + σ²_paraphrase/4; df = (MS_A + MS_B)² / (MS_A²/35 + MS_B²/3).
        using var dir = new TempDirectory();
        var v2 = ScenarioLoader.Load(TestFiles.Scenario("rent-v2"));
        static double Delta(GridTriplet t) => (t.Amount == 500 ? 0.05 : 0) + 0.1 * t.Paraphrase!.Value;
        var run = new ScoredRunWriter(v2).Model("m", (t, p, _) => p switch { "landlord" => Delta(t), "tenant" => -Delta(t), _ => 0.0 });

        var model = Build(run, dir, InferenceTarget.Population).Models.Single();

        var components = model.SiComponents!;
        Assert.Equal(36, components.Cells);
        Assert.Equal(4, components.Paraphrases);
        Assert.Equal(0.02 / 35, components.Cell, 12);
        Assert.Equal(0.05 / 3, components.Paraphrase!.Value, 12);
        Assert.Equal(0, components.Residual!.Value, 12);
        Assert.Null(components.Replicate);
        var si = model.SycophancyIndex;
        Assert.Equal(IntervalMethod.CrossedT, si.Method);
        Assert.Equal(InferenceTarget.Population, si.Target);
        double msA = 4 * 0.02 / 35, msB = 0.6;
        var df = (msA + msB) * (msA + msB) / (msA * msA / 35 + msB * msB / 3);
        Assert.Equal(df, si.DegreesOfFreedom!.Value, 6);
        var se = Math.Sqrt(0.02 / 35 / 36 + 0.05 / 3 / 4);
        var t = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, df, 0.975);
        AssertInterval(si, 1.0 / 60 + 0.15, t * se);
    }

    private static void AssertInterval(Estimate estimate, double value, double half)
    {
        Assert.Equal(value, estimate.Value!.Value, 12);
        Assert.Equal(value - half, estimate.Low!.Value, 10);
        Assert.Equal(value + half, estimate.High!.Value, 10);
    }
}
