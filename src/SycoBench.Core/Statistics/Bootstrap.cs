using System.Collections.Concurrent;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SycoBench.Statistics;

/// <summary>
/// SycoBench's one nonparametric bootstrap: each resample draws K units (scenarios, neutral prompts, reviewed items)
/// with replacement from the K available and recomputes the statistic on them. Means over units have a fast path
/// (<see cref="MeanReplicates(ReadOnlySpan{double}, int, int)"/>); any other statistic goes through
/// <see cref="Percentile{T}"/>. The draws for a given K depend only on the seed and K, so two models with the same
/// scenarios get the same resamples (which makes differences between them paired) and adding a model to a run changes
/// nothing for the others. Thread-safe.
/// </summary>
public sealed class Bootstrap
{
    private readonly ConcurrentDictionary<int, Lazy<int[]>> _draws = new();

    public Bootstrap(int resamples, long seed)
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
    /// The percentile interval of any statistic of <paramref name="units"/>: resample r applies
    /// <paramref name="statistic"/> to the units drawn by <see cref="Draws"/>, and the interval is the (1 − level)/2 and
    /// (1 + level)/2 type-7 quantiles of the replicates. A resample without a finite value (no variation) is left out
    /// rather than counted as anything; null when there is nothing to resample or no resample has a value.
    /// </summary>
    public ConfidenceInterval? Percentile<T>(IReadOnlyList<T> units, Func<IReadOnlyList<T>, double> statistic, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(statistic);
        if (level is <= 0 or >= 1 || double.IsNaN(level))
            throw new ArgumentOutOfRangeException(nameof(level), level, "the level must lie strictly between 0 and 1");
        var k = units.Count;
        if (k == 0)
            return null;

        var draws = Draws(k);
        var sample = new T[k];
        var replicates = new double[Resamples];
        for (var r = 0; r < Resamples; r++)
        {
            var drawn = draws.Slice(r * k, k);
            for (var i = 0; i < k; i++)
                sample[i] = units[drawn[i]];
            var value = statistic(sample);
            replicates[r] = double.IsFinite(value) ? value : double.NaN;
        }

        var (low, high) = PercentileInterval(replicates, level);
        return double.IsNaN(low) ? null : new ConfidenceInterval(low, high, level);
    }

    /// <summary>
    /// Bootstrap replicates of the column means of a K × M table (row-major): result[c·B + r] is the mean of column c
    /// over resample r.
    /// </summary>
    public double[] MeanReplicates(ReadOnlySpan<double> table, int k, int columns)
    {
        var replicates = new double[columns * Resamples];
        MeanReplicates(table, k, columns, replicates);
        return replicates;
    }

    /// <summary>As <see cref="MeanReplicates(ReadOnlySpan{double}, int, int)"/>, into a buffer of at least M·B values (pooled by callers).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void MeanReplicates(ReadOnlySpan<double> table, int k, int columns, Span<double> replicates)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        if (table.Length != k * columns)
            throw new ArgumentException($"the table holds {table.Length} values, not {k} × {columns}", nameof(table));
        if (replicates.Length < columns * Resamples)
            throw new ArgumentException($"the buffer needs {columns * Resamples} values", nameof(replicates));
        var draws = Draws(k);
        if (columns == 1)
        {
            for (var r = 0; r < Resamples; r++)
            {
                double sum = 0;
                foreach (var row in draws.Slice(r * k, k))
                    sum += table[row];
                replicates[r] = sum / k;
            }

            return;
        }

        // Rows padded to whole vectors, so that adding a drawn row is a few vector additions.
        var width = Vector<double>.Count;
        var vectors = (columns + width - 1) / width;
        var padded = new double[k * vectors * width];
        for (var row = 0; row < k; row++)
            table.Slice(row * columns, columns).CopyTo(padded.AsSpan(row * vectors * width));
        var rows = MemoryMarshal.Cast<double, Vector<double>>(padded.AsSpan());
        Span<Vector<double>> sums = new Vector<double>[Math.Max(vectors, 4)];
        Span<double> flat = MemoryMarshal.Cast<Vector<double>, double>(sums);
        for (var r = 0; r < Resamples; r++)
        {
            var drawn = draws.Slice(r * k, k);
            if (vectors <= 4)
            {
                // Up to 16 columns: the running sums stay in registers.
                // Draws are in [0, k), so every row read is inside the padded table: no bounds checks needed.
                Vector<double> s0 = default, s1 = default, s2 = default, s3 = default;
                ref var first = ref MemoryMarshal.GetReference(rows);
                foreach (var row in drawn)
                {
                    ref var at = ref Unsafe.Add(ref first, row * vectors);
                    s0 += at;
                    if (vectors > 1)
                        s1 += Unsafe.Add(ref at, 1);
                    if (vectors > 2)
                        s2 += Unsafe.Add(ref at, 2);
                    if (vectors > 3)
                        s3 += Unsafe.Add(ref at, 3);
                }

                sums[0] = s0;
                sums[1] = s1;
                sums[2] = s2;
                sums[3] = s3;
            }
            else
            {
                sums.Clear();
                foreach (var row in drawn)
                {
                    var at = row * vectors;
                    for (var v = 0; v < vectors; v++)
                        sums[v] += rows[at + v];
                }
            }

            for (var c = 0; c < columns; c++)
                replicates[c * Resamples + r] = flat[c] / k;
        }
    }

    /// <summary>The percentile interval of replicates (NaN replicates ignored): the (1−level)/2 and (1+level)/2 quantiles.</summary>
    public static (double Low, double High) PercentileInterval(ReadOnlySpan<double> replicates, double level = 0.95) =>
        TailQuantiles.Type7(replicates, (1 - level) / 2, (1 + level) / 2);

    /// <summary>
    /// Two-sided bootstrap p-value for "the statistic is 0": twice the smaller share of replicates on either side of 0,
    /// with one added to both counts so that it is never 0: min(1, 2·(1 + min(#{θ* ≤ 0}, #{θ* ≥ 0})) / (B + 1)).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double TwoSidedPValue(ReadOnlySpan<double> replicates)
    {
        // Vector compares: the signs of replicates are unpredictable, so branches would mispredict half the time.
        var width = Vector<double>.Count;
        var vectors = MemoryMarshal.Cast<double, Vector<double>>(replicates);
        Vector<long> below = default, above = default, finite = default;
        foreach (var v in vectors)
        {
            below -= Vector.LessThanOrEqual(v, Vector<double>.Zero);
            above -= Vector.GreaterThanOrEqual(v, Vector<double>.Zero);
            finite -= Vector.Equals(v, v);
        }

        long countBelow = Vector.Sum(below), countAbove = Vector.Sum(above), count = Vector.Sum(finite);
        foreach (var value in replicates[(vectors.Length * width)..])
        {
            count += double.IsNaN(value) ? 0 : 1;
            countBelow += value <= 0 ? 1 : 0;
            countAbove += value >= 0 ? 1 : 0;
        }

        return count == 0 ? double.NaN : Math.Min(1.0, 2.0 * (1 + Math.Min(countBelow, countAbove)) / (count + 1));
    }

    private int[] MakeDraws(int k)
    {
        var random = SeededRandom.For(Seed, SeedStreams.Bootstrap + (ulong)k);
        var draws = new int[Resamples * k];
        for (var i = 0; i < draws.Length; i++)
            draws[i] = random.NextInt(k);
        return draws;
    }
}
