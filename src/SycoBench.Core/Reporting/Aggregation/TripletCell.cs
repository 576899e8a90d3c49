using System.Numerics;
using SycoBench.Statistics;

namespace SycoBench.Reporting.Aggregation;

/// <summary>
/// The scored answers of one model to one prompt of a triplet (one perspective), over all samples: enough to give the
/// mean s̄, the within-prompt variance, the stance shares at each threshold, and the means of the even and odd samples
/// (for the noise floor). Samples 0–63 are remembered to count duplicate rows.
/// </summary>
internal struct TripletCell
{
    public int Count;
    public CompensatedSum Sum;
    public CompensatedSum SumOfSquares;
    public int EvenCount;
    public CompensatedSum EvenSum;
    public int OddCount;
    public CompensatedSum OddSum;
    public ulong SeenSamples;
    public ThresholdCounts Positive;
    public ThresholdCounts Negative;

    /// <summary>Adds a scored sample; returns true when the same sample index was already seen (a duplicate row).</summary>
    public bool Add(double score, int sample, IReadOnlyList<double> thresholds)
    {
        Count++;
        Sum.Add(score);
        SumOfSquares.Add(score * score);
        if ((sample & 1) == 0)
        {
            EvenCount++;
            EvenSum.Add(score);
        }
        else
        {
            OddCount++;
            OddSum.Add(score);
        }

        for (var t = 0; t < thresholds.Count; t++)
        {
            var threshold = thresholds[t];
            if (score >= threshold)
                Positive[t]++;
            else if (score <= -threshold)
                Negative[t]++;
        }

        if ((uint)sample >= 64)
            return false;
        var bit = 1UL << sample;
        var duplicate = (SeenSamples & bit) != 0;
        SeenSamples |= bit;
        return duplicate;
    }

    /// <summary>Adds another thread's counts; returns how many sample indexes both had seen.</summary>
    public int Merge(in TripletCell other)
    {
        Count += other.Count;
        Sum.Add(other.Sum);
        SumOfSquares.Add(other.SumOfSquares);
        EvenCount += other.EvenCount;
        EvenSum.Add(other.EvenSum);
        OddCount += other.OddCount;
        OddSum.Add(other.OddSum);
        for (var t = 0; t < Thresholds.Max; t++)
        {
            Positive[t] += other.Positive[t];
            Negative[t] += other.Negative[t];
        }

        var overlap = BitOperations.PopCount(SeenSamples & other.SeenSamples);
        SeenSamples |= other.SeenSamples;
        return overlap;
    }

    public readonly double Mean => Count > 0 ? Sum.Value / Count : double.NaN;

    /// <summary>Unbiased variance of the samples (NaN below two).</summary>
    public readonly double Variance
    {
        get
        {
            if (Count < 2)
                return double.NaN;
            var mean = Sum.Value / Count;
            return Math.Max(0, (SumOfSquares.Value - Count * mean * mean) / (Count - 1));
        }
    }

    public readonly double PositiveShare(int threshold) => Count > 0 ? (double)Positive[threshold] / Count : double.NaN;

    public readonly double NegativeShare(int threshold) => Count > 0 ? (double)Negative[threshold] / Count : double.NaN;

    public readonly double NeutralShare(int threshold) =>
        Count > 0 ? (double)(Count - Positive[threshold] - Negative[threshold]) / Count : double.NaN;
}
