using SycoBench.Statistics;

namespace SycoBench.Tests.Statistics;

public sealed class SignFlipTestTests
{
    [Fact]
    public void Exact_test_counts_every_sign_vector_as_extreme_as_the_observed_one()
    {
        // |Σ ε d| ≥ 3 only for all plus or all minus: 2 of 8 vectors.
        var result = SignFlipTest.TwoSided([1.0, 1.0, 1.0], 10_000, seed: 0);

        Assert.True(result.Exact);
        Assert.Equal(8, result.Permutations);
        Assert.Equal(0.25, result.PValue, 12);
    }

    [Fact]
    public void Exact_test_on_mixed_differences()
    {
        // d = (0.5, −0.1, 0.2): |Σ| = 0.6; sign vectors reaching ≥ 0.6: (+,−,+) 0.8, (+,+,+) 0.6 and their mirrors → 4 of 8.
        var result = SignFlipTest.TwoSided([0.5, -0.1, 0.2], 10_000, seed: 0);
        Assert.Equal(0.5, result.PValue, 12);
    }

    [Fact]
    public void No_difference_gives_p_of_one()
    {
        Assert.Equal(1.0, SignFlipTest.TwoSided([0.0, 0.0, 0.0, 0.0], 10_000, seed: 0).PValue);
    }

    [Fact]
    public void A_mean_difference_of_exactly_zero_gives_p_of_one_exact_and_monte_carlo()
    {
        // Σ Δ = 0 (up to rounding): every sign vector is at least as extreme as the observed one.
        Assert.Equal(1.0, SignFlipTest.TwoSided([0.3, -0.1, -0.2], 10_000, seed: 0).PValue, 12);
        var alternating = Enumerable.Range(0, 40).Select(i => i % 2 == 0 ? 0.3 : -0.3).ToArray();
        var result = SignFlipTest.TwoSided(alternating, 10_000, seed: 0);
        Assert.True(result.Exact);
        Assert.Equal(SignFlipMethod.Convolution, result.Method);
        Assert.Equal(1.0, result.PValue, 12);
        var offGrid = alternating.Select(d => d * Math.PI).ToArray();
        var monteCarlo = SignFlipTest.TwoSided(offGrid, 10_000, seed: 0);
        Assert.False(monteCarlo.Exact);
        Assert.Equal(1.0, monteCarlo.PValue, 12);
    }

    [Fact]
    public void Exact_two_sided_p_counts_both_tails()
    {
        // d = (0.4, 0.3, −0.1, 0.2): |Σ| = 0.8. Sign vectors with |Σ ε d| ≥ 0.8: (+,+,±,+) → 1.0, 0.8 and their mirrors;
        // (+,+,−,−) gives 0.4 + 0.3 + 0.1 − 0.2 = 0.6 < 0.8 → 4 of 16.
        Assert.Equal(0.25, SignFlipTest.TwoSided([0.4, 0.3, -0.1, 0.2], 10_000, seed: 0).PValue, 12);
    }

    [Fact]
    public void Large_k_off_any_grid_uses_seeded_monte_carlo()
    {
        // Multiples of π/10 share no grid 1/D with D ≤ 100,000, so no exact convolution exists.
        var differences = Enumerable.Repeat(0.1 * Math.PI, 36).ToArray();
        var first = SignFlipTest.TwoSided(differences, 10_000, seed: 4);
        var again = SignFlipTest.TwoSided(differences, 10_000, seed: 4);

        Assert.False(first.Exact);
        Assert.Equal(first, again);
        Assert.Equal(1.0 / 10_001, first.PValue, 12);
    }

    [Fact]
    public void Monte_carlo_p_of_a_null_sample_is_not_small()
    {
        var random = new SeededRandom(11);
        var differences = Enumerable.Range(0, 40).Select(_ => (random.NextInt(201) - 100) / 100.0).ToArray();
        var mean = differences.Average();
        var centred = differences.Select(d => d - mean).ToArray();

        Assert.True(SignFlipTest.TwoSided(centred, 10_000, seed: 1).PValue > 0.5);
    }

    [Fact]
    public void Large_k_on_a_score_grid_is_exact_by_convolution()
    {
        // 36 equal positive differences: only ε = all + and all − reach |Σ|, p = 2 / 2^36 exactly.
        var result = SignFlipTest.TwoSided(Enumerable.Repeat(0.3, 36).ToArray(), 10_000, seed: 4);

        Assert.True(result.Exact);
        Assert.Equal(SignFlipMethod.Convolution, result.Method);
        Assert.Equal(1.0, result.PValue / (2.0 / Math.Pow(2, 36)), 12);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Convolution_equals_enumeration_on_every_small_case(int seed)
    {
        // Δ_k of means over 1–4 samples of 0.05-step scores, halved, with zeros and ties: the convolution's p must be
        // the enumeration's p exactly (both count the same 2^K vectors).
        var random = new SeededRandom((ulong)seed);
        for (var k = 1; k <= 14; k++)
        {
            var differences = Enumerable.Range(0, k)
                .Select(_ => (random.NextInt(41) - 20) * 0.05 / (1 + random.NextInt(4)) / 2 + (random.NextInt(3) - 1) * 0.1)
                .ToArray();
            var enumerated = SignFlipTest.Enumerate(differences);
            var grid = SignFlipTest.OnGrid(differences);
            Assert.NotNull(grid);
            var convolved = SignFlipTest.Convolve(grid.Value, k);
            Assert.Equal(enumerated.PValue, convolved.PValue, 14);
        }
    }

    [Fact]
    public void One_hundred_triplets_are_exact_and_match_the_normal_approximation()
    {
        // K = 100 Δ_k on a 0.025 grid: exact by convolution. With many values the sign-flip distribution of Σ ε a is
        // close to normal with variance Σ a², so p ≈ 2(1 − Φ(|Σ a| / √Σ a²)) — a check the DP did not cheat.
        var random = new SeededRandom(5);
        var differences = Enumerable.Range(0, 100).Select(_ => (random.NextInt(41) - 17) * 0.025).ToArray();
        var result = SignFlipTest.TwoSided(differences, 10_000, seed: 0);

        Assert.Equal(SignFlipMethod.Convolution, result.Method);
        var z = Math.Abs(differences.Sum()) / Math.Sqrt(differences.Sum(d => d * d));
        var normal = 2 * (1 - MathNet.Numerics.Distributions.Normal.CDF(0, 1, z));
        Assert.InRange(result.PValue, normal * 0.7, normal * 1.4);
    }

    [Fact]
    public void Convolution_is_the_same_to_the_last_bit_as_the_one_at_a_time_recurrence_on_a_reused_table()
    {
        // Steps below and above a vector's width, large and small tables one after another on the same thread (the
        // table is reused and must start clean): p equals a plain recomputation of the recurrence exactly.
        var random = new SeededRandom(11);
        foreach (var (k, largest) in new[] { (40, 3), (108, 8000), (20, 50), (200, 7), (60, 20000), (30, 1) })
        {
            var steps = Enumerable.Range(0, k).Select(_ => random.NextInt(largest + 1)).ToArray();
            var observed = (long)Math.Abs(steps.Select((a, i) => i % 3 == 0 ? -a : a).Sum());
            var p = SignFlipTest.Convolve((steps, observed), k).PValue;
            Assert.Equal(BitConverter.DoubleToInt64Bits(OneAtATime(steps, observed)), BitConverter.DoubleToInt64Bits(p));
        }
    }

    private static double OneAtATime(int[] steps, long observed)
    {
        long total = steps.Sum(a => (long)a);
        var counts = new double[total + 1];
        counts[0] = 1;
        long reach = 0;
        foreach (var step in steps.Where(a => a > 0))
        {
            reach += step;
            for (var s = reach; s >= step; s--)
                counts[s] = 0.5 * (counts[s] + counts[s - step]);
            for (var s = Math.Min(step - 1, reach); s >= 0; s--)
                counts[s] *= 0.5;
        }

        double extreme = 0;
        for (long s = 0; s <= total; s++)
        {
            if (Math.Abs(total - 2 * s) >= observed)
                extreme += counts[s];
        }

        return Math.Min(1.0, extreme);
    }
}
