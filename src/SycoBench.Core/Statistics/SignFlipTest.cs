using System.Runtime.CompilerServices;
namespace SycoBench.Statistics;

/// <summary>
/// The paired sign-flip permutation test of "the mean difference is 0": under the null hypothesis each per-scenario
/// difference is as likely to have the other sign, so the observed |Σ d_k| is compared with |Σ ε_k d_k| over sign
/// vectors ε ∈ {−1, +1}^K. Exact (all 2^K vectors, the observed one included) when K ≤ <see cref="ExactLimit"/>;
/// otherwise Monte-Carlo with a seeded random draw of vectors, p = (1 + #{|Σε d| ≥ |Σ d|}) / (1 + M).
/// </summary>
public static class SignFlipTest
{
    public const int ExactLimit = 16;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static SignFlipResult TwoSided(ReadOnlySpan<double> differences, int monteCarloFlips, long seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(monteCarloFlips, 1);
        var k = differences.Length;
        if (k == 0)
            return new SignFlipResult(double.NaN, Exact: true, 0);

        double observed = 0, scale = 0;
        foreach (var d in differences)
        {
            observed += d;
            scale += Math.Abs(d);
        }

        observed = Math.Abs(observed);

        // Sums that equal the observed one up to rounding must count as "at least as extreme".
        var bar = observed - (1e-12 * Math.Max(1, scale));
        if (k <= ExactLimit)
        {
            var total = 1L << k;
            long extreme = 0;
            for (long mask = 0; mask < total; mask++)
            {
                double sum = 0;
                for (var i = 0; i < k; i++)
                    sum += ((mask >> i) & 1) == 0 ? differences[i] : -differences[i];
                if (Math.Abs(sum) >= bar)
                    extreme++;
            }

            return new SignFlipResult((double)extreme / total, Exact: true, total);
        }

        var random = SeededRandom.For(seed, SeedStreams.SignFlip + (ulong)k);
        long hits = 0;
        for (var flip = 0; flip < monteCarloFlips; flip++)
        {
            double sum = 0;
            ulong bits = 0;
            for (var i = 0; i < k; i++)
            {
                if ((i & 63) == 0)
                    bits = random.NextUInt64();
                // Branch-free: a random sign costs a multiplication, not a mispredicted jump.
                sum += differences[i] * (1.0 - (double)((bits & 1) << 1));
                bits >>= 1;
            }

            if (Math.Abs(sum) >= bar)
                hits++;
        }

        return new SignFlipResult((1.0 + hits) / (1.0 + monteCarloFlips), Exact: false, monteCarloFlips);
    }
}

/// <summary>A sign-flip p-value, whether it is exact, and how many sign vectors it used.</summary>
public readonly record struct SignFlipResult(double PValue, bool Exact, long Permutations);
