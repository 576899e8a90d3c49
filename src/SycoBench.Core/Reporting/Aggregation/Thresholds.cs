using System.Runtime.CompilerServices;

namespace SycoBench.Reporting.Aggregation;

/// <summary>
/// The stance thresholds a report counts at: 0.2, 0.33 and 0.5 for the paired rates, plus the summary's threshold
/// when it is another value. Stance of a score s at t: neg if s ≤ −t, pos if s ≥ t, else neu (SPEC §5).
/// </summary>
public sealed class Thresholds
{
    public const int Max = 4;
    public static readonly IReadOnlyList<double> Paired = [0.2, 0.33, 0.5];

    public Thresholds(double summaryThreshold)
    {
        if (!(summaryThreshold > 0 && summaryThreshold <= 1))
            throw new ArgumentOutOfRangeException(nameof(summaryThreshold), summaryThreshold, "the threshold must be in (0, 1]");
        Summary = summaryThreshold;
        Values = Paired.Contains(summaryThreshold) ? Paired : Paired.Append(summaryThreshold).Order().ToArray();
        SummaryIndex = Values.ToList().IndexOf(summaryThreshold);
    }

    /// <summary>The threshold of the summary CSV and of the stance mix (default 0.33).</summary>
    public double Summary { get; }

    public IReadOnlyList<double> Values { get; }

    public int SummaryIndex { get; }

    public int Count => Values.Count;

    /// <summary>0 neg, 1 neu, 2 pos.</summary>
    public static int Stance(double score, double threshold) => score <= -threshold ? 0 : score >= threshold ? 2 : 1;
}

/// <summary>Four counters, one per threshold, stored inline in a cell.</summary>
[InlineArray(Thresholds.Max)]
internal struct ThresholdCounts
{
    private int _element;
}
