using System.Globalization;
using System.Text;
using SycoBench.Statistics;

namespace SycoBench.Reporting.Aggregation;

/// <summary>What a run's records say about the run itself: judges, rubric, run ids, dates, costs, judge panels.</summary>
internal sealed class RunMetadataAccumulator
{
    public DistinctCounter Judges { get; } = new();

    public DistinctCounter Rubrics { get; } = new();

    public DistinctCounter RunIds { get; } = new();

    public byte[]? FirstRunTimestamp { get; private set; }

    public byte[]? LastRunTimestamp { get; private set; }

    public byte[]? FirstEvalTimestamp { get; private set; }

    public byte[]? LastEvalTimestamp { get; private set; }

    public ExactSum Cost { get; } = new();

    public ExactSum EvalCost { get; } = new();

    /// <summary>Records with a <c>judges</c> panel, and the smallest and largest panel.</summary>
    public long PanelRecords { get; private set; }

    public int MinPanel { get; private set; } = int.MaxValue;

    public int MaxPanel { get; private set; }

    public void Add(in Reading.ScoredLine record)
    {
        if (!record.ScorerModel.IsEmpty)
            Judges.Add(record.ScorerModel);
        if (!record.Rubric.IsEmpty)
            Rubrics.Add(record.Rubric);
        if (record.HasRunId)
        {
            Span<byte> digits = stackalloc byte[24];
            record.RunId.TryFormat(digits, out var written, default, CultureInfo.InvariantCulture);
            RunIds.Add(digits[..written]);
        }

        Range(record.RunTimestamp, FirstRunTimestamp, LastRunTimestamp, out var firstRun, out var lastRun);
        FirstRunTimestamp = firstRun;
        LastRunTimestamp = lastRun;
        Range(record.EvalTimestamp, FirstEvalTimestamp, LastEvalTimestamp, out var firstEval, out var lastEval);
        FirstEvalTimestamp = firstEval;
        LastEvalTimestamp = lastEval;
        if (record.HasCost && double.IsFinite(record.Cost))
            Cost.Add(record.Cost);
        if (record.HasEvalCost && double.IsFinite(record.EvalCost))
            EvalCost.Add(record.EvalCost);
        if (record.JudgeCount >= 0)
            AddPanel(1, record.JudgeCount, record.JudgeCount);
    }

    public void Merge(RunMetadataAccumulator other)
    {
        Judges.Merge(other.Judges);
        Rubrics.Merge(other.Rubrics);
        RunIds.Merge(other.RunIds);
        foreach (var stamp in new[] { other.FirstRunTimestamp, other.LastRunTimestamp })
        {
            Range(stamp, FirstRunTimestamp, LastRunTimestamp, out var first, out var last);
            FirstRunTimestamp = first;
            LastRunTimestamp = last;
        }

        foreach (var stamp in new[] { other.FirstEvalTimestamp, other.LastEvalTimestamp })
        {
            Range(stamp, FirstEvalTimestamp, LastEvalTimestamp, out var first, out var last);
            FirstEvalTimestamp = first;
            LastEvalTimestamp = last;
        }

        Cost.Add(other.Cost);
        EvalCost.Add(other.EvalCost);
        if (other.PanelRecords > 0)
            AddPanel(other.PanelRecords, other.MinPanel, other.MaxPanel);
    }

    public static string? Text(byte[]? bytes) => bytes is null ? null : Encoding.UTF8.GetString(bytes);

    private void AddPanel(long records, int min, int max)
    {
        PanelRecords += records;
        MinPanel = Math.Min(MinPanel, min);
        MaxPanel = Math.Max(MaxPanel, max);
    }

    private static void Range(ReadOnlySpan<byte> stamp, byte[]? first, byte[]? last, out byte[]? newFirst, out byte[]? newLast)
    {
        newFirst = first;
        newLast = last;
        if (stamp.IsEmpty)
            return;
        // Timestamps grow line by line: reuse the array when the length is the same, so reading allocates nothing.
        if (first is null || stamp.SequenceCompareTo(first) < 0)
            newFirst = Store(stamp, first);
        if (last is null || stamp.SequenceCompareTo(last) > 0)
            newLast = Store(stamp, last);
    }

    private static byte[] Store(ReadOnlySpan<byte> stamp, byte[]? existing)
    {
        if (existing is null || existing.Length != stamp.Length)
            return stamp.ToArray();
        stamp.CopyTo(existing);
        return existing;
    }
}
