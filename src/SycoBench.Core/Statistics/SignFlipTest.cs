using System.Runtime.CompilerServices;
namespace SycoBench.Statistics;

/// <summary>
/// The paired sign-flip permutation test of "the mean difference is 0": under the null hypothesis each per-scenario
/// difference is as likely to have the other sign, so the observed |Σ d_k| is compared with |Σ ε_k d_k| over all 2^K
/// sign vectors ε ∈ {−1, +1}^K, p = #{ε : |Σ ε_k d_k| ≥ |Σ d_k|} / 2^K. The p is exact in two ways:
/// <list type="bullet">
/// <item>K ≤ <see cref="EnumerationLimit"/>: every sign vector is enumerated.</item>
/// <item>Otherwise, when the differences lie on a common grid (judge scores and their means over samples do: each
/// |d_k| is an integer a_k times 1/D for a D up to <see cref="MaxDenominator"/>), the distribution of Σ ε_k a_k is
/// convolved by dynamic programming over the sums (subset sums of a_k; O(K · Σ a_k) with Σ a_k ≤
/// <see cref="MaxGridSum"/>). Counts are doubles: exact up to 2^53, relative error 10⁻¹⁶ beyond.</item>
/// </list>
/// Only when neither applies is p Monte-Carlo, with seeded random vectors: p = (1 + #{|Σ ε d| ≥ |Σ d|}) / (1 + M).
/// </summary>
public static class SignFlipTest
{
    public const int EnumerationLimit = 16;

    /// <summary>The largest common denominator D the grid search tries (scores in steps of 0.01 averaged over up to 20 samples, halved: 4,000).</summary>
    public const int MaxDenominator = 100_000;

    /// <summary>The largest Σ a_k the convolution takes on (its table holds Σ a_k + 1 doubles).</summary>
    public const long MaxGridSum = 4_000_000;

    /// <summary>Kept for callers that name the older limit: exhaustive enumeration is used up to this K.</summary>
    public const int ExactLimit = EnumerationLimit;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static SignFlipResult TwoSided(ReadOnlySpan<double> differences, int monteCarloFlips, long seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(monteCarloFlips, 1);
        var k = differences.Length;
        if (k == 0)
            return new SignFlipResult(double.NaN, Exact: true, 0, SignFlipMethod.Enumeration);
        foreach (var d in differences)
        {
            if (!double.IsFinite(d))
                throw new ArgumentException("differences must be finite", nameof(differences));
        }

        if (k <= EnumerationLimit)
            return Enumerate(differences);
        if (OnGrid(differences) is { } grid)
            return Convolve(grid, k);
        return MonteCarlo(differences, monteCarloFlips, seed);
    }

    /// <summary>Every one of the 2^K sign vectors (the observed one included); sums equal to the observed one up to rounding count.</summary>
    public static SignFlipResult Enumerate(ReadOnlySpan<double> differences)
    {
        var k = differences.Length;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, 30);
        var bar = Bar(differences);
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

        return new SignFlipResult((double)extreme / total, Exact: true, total, SignFlipMethod.Enumeration);
    }

    /// <summary>
    /// The integers a_k = |d_k| · D for the smallest D ≤ <see cref="MaxDenominator"/> that puts every |d_k| on the grid
    /// 1/D (within 10⁻⁹ of a multiple), with the observed |Σ sign(d_k) a_k|; null when there is none or Σ a_k is too large.
    /// </summary>
    internal static (int[] Steps, long Observed)? OnGrid(ReadOnlySpan<double> differences)
    {
        long denominator = 1;
        foreach (var d in differences)
        {
            var own = Denominator(Math.Abs(d));
            if (own == 0)
                return null;
            denominator = Lcm(denominator, own);
            if (denominator > MaxDenominator)
                return null;
        }

        var steps = new int[differences.Length];
        long total = 0, observed = 0;
        for (var i = 0; i < differences.Length; i++)
        {
            var step = Math.Round(Math.Abs(differences[i]) * denominator);
            if (step > int.MaxValue || Math.Abs(Math.Abs(differences[i]) * denominator - step) > 1e-6)
                return null;
            steps[i] = (int)step;
            total += steps[i];
            observed += differences[i] < 0 ? -steps[i] : steps[i];
            if (total > MaxGridSum)
                return null;
        }

        return (steps, Math.Abs(observed));
    }

    /// <summary>
    /// Counts, for each subset sum s of the a_k, how many sign vectors flip exactly that subset; the signed sum is then
    /// Σ a_k − 2 s. p = (number with |Σ a_k − 2 s| ≥ observed) / 2^K.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static SignFlipResult Convolve((int[] Steps, long Observed) grid, int k)
    {
        long total = 0;
        foreach (var step in grid.Steps)
            total += step;
        // counts[s] / 2^i: the probability that the flipped steps among the first i sum to s (scaled to stay finite for K > 1023).
        // The table is the thread's own and reused: a report compares thousands of model pairs, and a new table of up
        // to MaxGridSum doubles each time cost more in page faults than the convolution itself.
        var counts = Table((int)total + 1);
        counts[0] = 1;
        var reach = 0;
        foreach (var step in grid.Steps)
        {
            if (step == 0)
                continue; // flipping a zero changes nothing: each sum is reached by both signs, probability unchanged
            reach += step;
            Halve(counts, reach, step);
            for (var s = Math.Min(step - 1, reach); s >= 0; s--)
                counts[s] *= 0.5;
        }

        double extreme = 0;
        for (long s = 0; s <= total; s++)
        {
            if (Math.Abs(total - 2 * s) >= grid.Observed)
                extreme += counts[s];
        }

        return new SignFlipResult(Math.Min(1.0, extreme), Exact: true, k >= 63 ? long.MaxValue : 1L << k, SignFlipMethod.Convolution);
    }

    /// <summary>
    /// counts[s] = ½ (counts[s] + counts[s − step]) for s from reach down to step, the sums not yet updated on the
    /// right-hand side. Blocks of a vector's width go at once when step is at least that width (a block then reads only
    /// entries below it, which the descending order has not reached); each entry gets the same two operations as one
    /// at a time, so the result is the same to the last bit.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Halve(double[] counts, int reach, int step)
    {
        var width = System.Numerics.Vector<double>.Count;
        var s = reach;
        if (step >= width)
        {
            var span = counts.AsSpan();
            var half = new System.Numerics.Vector<double>(0.5);
            for (; s - width + 1 >= step; s -= width)
            {
                var low = s - width + 1;
                var sum = new System.Numerics.Vector<double>(span.Slice(low, width)) + new System.Numerics.Vector<double>(span.Slice(low - step, width));
                (half * sum).CopyTo(span.Slice(low, width));
            }
        }

        for (; s >= step; s--)
            counts[s] = 0.5 * (counts[s] + counts[s - step]);
    }

    [ThreadStatic]
    private static double[]? table;

    /// <summary>The calling thread's table, at least <paramref name="length"/> long, its first <paramref name="length"/> entries 0.</summary>
    private static double[] Table(int length)
    {
        if (table is null || table.Length < length)
            table = new double[Math.Max(length, 1024)];
        else
            Array.Clear(table, 0, length);
        return table;
    }

    private static SignFlipResult MonteCarlo(ReadOnlySpan<double> differences, int monteCarloFlips, long seed)
    {
        var k = differences.Length;
        var bar = Bar(differences);
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

        return new SignFlipResult((1.0 + hits) / (1.0 + monteCarloFlips), Exact: false, monteCarloFlips, SignFlipMethod.MonteCarlo);
    }

    /// <summary>|Σ d| less a rounding allowance: sums that equal the observed one up to rounding count as "at least as extreme".</summary>
    private static double Bar(ReadOnlySpan<double> differences)
    {
        double observed = 0, scale = 0;
        foreach (var d in differences)
        {
            observed += d;
            scale += Math.Abs(d);
        }

        return Math.Abs(observed) - (1e-12 * Math.Max(1, scale));
    }

    /// <summary>The smallest D ≤ <see cref="MaxDenominator"/> with x · D within 10⁻⁹ of an integer, 0 if none.</summary>
    private static long Denominator(double x)
    {
        for (long d = 1; d <= MaxDenominator; d++)
        {
            var scaled = x * d;
            if (Math.Abs(scaled - Math.Round(scaled)) <= 1e-9 * Math.Max(1, scaled))
                return d;
        }

        return 0;
    }

    private static long Lcm(long a, long b) => a / Gcd(a, b) * b;

    private static long Gcd(long a, long b)
    {
        while (b != 0)
            (a, b) = (b, a % b);
        return a;
    }
}

/// <summary>How a sign-flip p was obtained.</summary>
public enum SignFlipMethod
{
    /// <summary>All 2^K sign vectors enumerated.</summary>
    Enumeration,

    /// <summary>The exact distribution convolved over the common grid of the differences.</summary>
    Convolution,

    /// <summary>Seeded random sign vectors; p = (1 + hits) / (1 + M).</summary>
    MonteCarlo,
}

/// <summary>A sign-flip p-value, whether it is exact, how many sign vectors it stands for, and how it was obtained.</summary>
public readonly record struct SignFlipResult(double PValue, bool Exact, long Permutations, SignFlipMethod Method = SignFlipMethod.Enumeration);
