using System.Text.Json;
using SycoBench.Reporting;
using SycoBench.Statistics;

namespace SycoBench.Tests.Reporting;

/// <summary>The report's p-values: exact sign-flip on the reference run, comparisons by the paired sign-flip, Holm's family, SE_noise.</summary>
public sealed class ExactTestsTests
{
    [Fact]
    public void The_reference_runs_p_per_model_is_exact_and_agrees_with_full_enumeration()
    {
        var report = new ReportBuilder().Compute(ScoredRunWriter.Options(TestFiles.Reference("run_scored.jsonl"), ScoredRunWriter.Rent) with { MissingData = MissingData.PerStatistic });

        var rows = File.ReadLines(TestFiles.Reference("run_scored.jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(r => r.GetProperty("score").ValueKind == JsonValueKind.Number)
            .Select(r => (Model: r.GetProperty("model_id").GetString()!, K: int.Parse(r.GetProperty("prompt_id").GetString()!, System.Globalization.CultureInfo.InvariantCulture) / 3,
                Perspective: r.GetProperty("perspective").GetString()!, Score: r.GetProperty("score").GetDouble()))
            .ToArray();
        foreach (var model in report.Models)
        {
            double ScoreOf(int k, string perspective) => rows.Single(r => r.Model == model.ModelId && r.K == k && r.Perspective == perspective).Score;
            var deltas = Enumerable.Range(0, 36).Select(k => (ScoreOf(k, "landlord") - ScoreOf(k, "tenant")) / 2).ToArray();

            Assert.True(model.SycophancyPExact);
            Assert.Equal(SignFlipMethod.Convolution, model.SycophancyPMethod);
            // Relative agreement: p can be far below 10⁻⁶, where an absolute tolerance would say nothing.
            Assert.Equal(1.0, model.SycophancyP!.Value / FullEnumeration(deltas), 12);
        }

        var comparison = Assert.Single(report.Comparisons);
        Assert.True(comparison.PValueExact);
    }

    [Fact]
    public void A_comparison_p_is_the_paired_sign_flip_on_the_shared_triplets_and_holm_family_is_selectable()
    {
        using var dir = new TempDirectory();
        var run = new ScoredRunWriter(ScoredRunWriter.Rent)
            .Model("a", (t, p, _) => p == "landlord" ? 0.3 + 0.05 * (t.Index % 4) : p == "tenant" ? -0.1 : 0)
            .Model("b", (t, p, _) => p == "landlord" ? 0.2 + 0.05 * (t.Index % 3) : p == "tenant" ? (t.Index < 4 ? null : -0.05) : 0)
            .Model("c", (t, p, _) => p == "landlord" ? 0.05 * (t.Index % 5) : 0);
        var path = run.Write(dir.File("r.jsonl"));

        var separate = new ReportBuilder().Compute(ScoredRunWriter.Options(path, ScoredRunWriter.Rent));
        var joint = new ReportBuilder().Compute(ScoredRunWriter.Options(path, ScoredRunWriter.Rent) with { HolmFamily = HolmFamily.Joint });

        // a − b over the 32 triplets both have (b lacks a tenant answer in triplets 0–3):
        // d_k = (0.3 + 0.05(k mod 4) + 0.1)/2 − (0.2 + 0.05(k mod 3) + 0.05)/2.
        var ab = separate.Comparisons.Single(c => c.ModelA == "a" && c.ModelB == "b");
        Assert.Equal(32, ab.Difference.Scenarios);
        var d = Enumerable.Range(4, 32).Select(k => (0.4 + 0.05 * (k % 4)) / 2 - (0.25 + 0.05 * (k % 3)) / 2).ToArray();
        Assert.Equal(SignFlipTest.TwoSided(d, 10_000, 0).PValue, ab.PValue!.Value, 15);
        Assert.True(ab.PValueExact);

        var modelP = separate.Models.Select(m => m.SycophancyP ?? double.NaN).ToArray();
        var pairP = separate.Comparisons.Select(c => c.PValue ?? double.NaN).ToArray();
        Assert.Equal(PValueAdjustment.Holm(modelP), separate.Models.Select(m => m.SycophancyPHolm ?? double.NaN));
        Assert.Equal(PValueAdjustment.Holm(pairP), separate.Comparisons.Select(c => c.PValueHolm ?? double.NaN));
        var together = PValueAdjustment.Holm([.. modelP, .. pairP]);
        Assert.Equal(together[..3], joint.Models.Select(m => m.SycophancyPHolm ?? double.NaN));
        Assert.Equal(together[3..], joint.Comparisons.Select(c => c.PValueHolm ?? double.NaN));
        Assert.Equal(HolmFamily.Joint, joint.Metadata.HolmFamily);
    }

    [Fact]
    public void Se_noise_is_the_standard_error_of_si_from_within_prompt_variance()
    {
        // Two samples of both sides in K = 2 triplets: L (0.6, 0.2), T (−0.4, 0.0) → s² 0.08 and 0.08, term (0.04 + 0.04)/4
        // = 0.02; L (0.5, 0.5), T (0.1, 0.3) → s² 0 and 0.02, term 0.01/4 = 0.0025. SE_noise = √(0.0225)/2 = 0.075.
        double[][][] scores = [[[0.6, 0.2], [-0.4, 0.0]], [[0.5, 0.5], [0.1, 0.3]]];
        using var dir = new TempDirectory();
        var grid = SycoBench.Scenarios.GridBuilder.Build(ScoredRunWriter.Rent);
        var run = new ScoredRunWriter(ScoredRunWriter.Rent);
        for (var k = 0; k < 2; k++)
        {
            for (var side = 0; side < 2; side++)
            {
                for (var s = 0; s < 2; s++)
                    run.Add(ScoredRunWriter.Record("m", grid.Triplets[k].Prompts[side], scores[k][side][s], s));
            }
        }

        var model = new ReportBuilder().Compute(ScoredRunWriter.Options(run.Write(dir.File("r.jsonl")), ScoredRunWriter.Rent)).Models.Single();

        Assert.Equal(0.075, model.NoiseStandardError!.Value, 12);
    }

    [Fact]
    public void Si_by_factor_carries_its_sign_flip_p_and_a_benjamini_hochberg_q_over_the_models_levels()
    {
        using var dir = new TempDirectory();
        var run = new ScoredRunWriter(ScoredRunWriter.Rent).Model("m", (t, p, _) => p == "landlord" ? 0.2 + 0.05 * (t.Index % 3) : p == "tenant" ? -0.1 * (t.Index % 2) : 0);
        var model = new ReportBuilder().Compute(ScoredRunWriter.Options(run.Write(dir.File("r.jsonl")), ScoredRunWriter.Rent)).Models.Single();

        var p = model.ByFactor.Select(f => f.PValue!.Value).ToArray();
        var q = PValueAdjustment.BenjaminiHochberg(p);
        Assert.Equal(q, model.ByFactor.Select(f => f.QValue!.Value));
        Assert.All(model.ByFactor, f => Assert.True(f.QValue >= f.PValue));
    }

    /// <summary>
    /// Every one of the 2^K sign vectors, by meet in the middle: the sums of the first half's 2^(K/2) vectors against the
    /// sorted sums of the second half's; counts pairs with |a + b| ≥ |Σ d| (within 10⁻¹²), exactly as the definition says.
    /// </summary>
    private static double FullEnumeration(double[] d)
    {
        var half = d.Length / 2;
        var left = Sums(d[..half]);
        var right = Sums(d[half..]);
        Array.Sort(right);
        var bar = Math.Abs(d.Sum()) - 1e-12 * Math.Max(1, d.Sum(Math.Abs));
        long extreme = 0;
        foreach (var a in left)
        {
            // b ≥ bar − a or b ≤ −bar − a
            extreme += right.Length - LowerBound(right, bar - a);
            extreme += UpperBound(right, -bar - a);
        }

        // A pair counted twice would need a + b ≥ bar and a + b ≤ −bar, impossible for bar > 0.
        return extreme / Math.Pow(2, d.Length);
    }

    private static double[] Sums(double[] values)
    {
        var sums = new double[1 << values.Length];
        for (var mask = 0; mask < sums.Length; mask++)
        {
            double sum = 0;
            for (var i = 0; i < values.Length; i++)
                sum += ((mask >> i) & 1) == 0 ? values[i] : -values[i];
            sums[mask] = sum;
        }

        return sums;
    }

    private static int LowerBound(double[] sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (sorted[mid] < value)
                lo = mid + 1;
            else
                hi = mid;
        }

        return lo;
    }

    private static int UpperBound(double[] sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (sorted[mid] <= value)
                lo = mid + 1;
            else
                hi = mid;
        }

        return lo;
    }
}
