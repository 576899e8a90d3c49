using System.Collections.Concurrent;

namespace SycoBench.Statistics;

/// <summary>
/// The nonparametric bootstrap over scenarios: each resample draws K scenarios with replacement from the K available,
/// and a statistic that is a mean over scenarios is recomputed on it. The draws for a given K depend only on the seed
/// and K, so two models with the same scenarios get the same resamples (which makes differences between them paired)
/// and adding a model to a run changes nothing for the others. Thread-safe.
/// </summary>
public sealed class ScenarioBootstrap
{
    private const ulong StreamBase = 0xB0075_7A9;
    private readonly ConcurrentDictionary<int, Lazy<int[]>> _draws = new();

    public ScenarioBootstrap(int resamples, long seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 1);
        Resamples = resamples;
        Seed = seed;
    }

    public int Resamples { get; }

    public long Seed { get; }

    /// <summary>Draws for K scenarios: resample r uses indexes <c>[r·K, (r+1)·K)</c>, each in [0, K).</summary>
    public ReadOnlySpan<int> Draws(int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        return _draws.GetOrAdd(k, size => new Lazy<int[]>(() => MakeDraws(size))).Value;
    }

    /// <summary>
    /// Bootstrap replicates of the column means of a K × M table (row-major): result[c·B + r] is the mean of column c
    /// over resample r.
    /// </summary>
    public double[] MeanReplicates(ReadOnlySpan<double> table, int k, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        if (table.Length != k * columns)
            throw new ArgumentException($"the table holds {table.Length} values, not {k} × {columns}", nameof(table));
        var draws = Draws(k);
        var replicates = new double[columns * Resamples];
        Span<double> sums = columns <= 64 ? stackalloc double[columns] : new double[columns];
        for (var r = 0; r < Resamples; r++)
        {
            sums.Clear();
            foreach (var row in draws.Slice(r * k, k))
            {
                var values = table.Slice(row * columns, columns);
                for (var c = 0; c < columns; c++)
                    sums[c] += values[c];
            }

            for (var c = 0; c < columns; c++)
                replicates[c * Resamples + r] = sums[c] / k;
        }

        return replicates;
    }

    /// <summary>The percentile interval of replicates (NaN replicates ignored): the (1−level)/2 and (1+level)/2 quantiles.</summary>
    public static (double Low, double High) PercentileInterval(ReadOnlySpan<double> replicates, double level = 0.95)
    {
        var finite = System.Buffers.ArrayPool<double>.Shared.Rent(Math.Max(1, replicates.Length));
        try
        {
            var n = 0;
            foreach (var value in replicates)
            {
                if (!double.IsNaN(value))
                    finite[n++] = value;
            }

            if (n == 0)
                return (double.NaN, double.NaN);
            var span = finite.AsSpan(0, n);
            var low = Quantile.Type7(span, (1 - level) / 2);
            var high = Quantile.Type7(span, (1 + level) / 2);
            return (low, high);
        }
        finally
        {
            System.Buffers.ArrayPool<double>.Shared.Return(finite);
        }
    }

    /// <summary>
    /// Two-sided bootstrap p-value for "the statistic is 0": twice the smaller share of replicates on either side of 0,
    /// with one added to both counts so that it is never 0: min(1, 2·(1 + min(#{θ* ≤ 0}, #{θ* ≥ 0})) / (B + 1)).
    /// </summary>
    public static double TwoSidedPValue(ReadOnlySpan<double> replicates)
    {
        long below = 0, above = 0, count = 0;
        foreach (var value in replicates)
        {
            if (double.IsNaN(value))
                continue;
            count++;
            if (value <= 0)
                below++;
            if (value >= 0)
                above++;
        }

        return count == 0 ? double.NaN : Math.Min(1.0, 2.0 * (1 + Math.Min(below, above)) / (count + 1));
    }

    private int[] MakeDraws(int k)
    {
        var random = SeededRandom.For(Seed, StreamBase + (ulong)k);
        var draws = new int[Resamples * k];
        for (var i = 0; i < draws.Length; i++)
            draws[i] = random.NextInt(k);
        return draws;
    }
}
