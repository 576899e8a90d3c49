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

    /// <summary>The judges' costs, per judge.</summary>
    public Spending.SpendingBook Spending { get; } = new();

    /// <summary>Records with a <c>judges</c> panel, and the smallest and largest panel.</summary>
    public long PanelRecords { get; private set; }

    public int MinPanel { get; private set; } = int.MaxValue;

    public int MaxPanel { get; private set; }

    /// <summary>Per judge (<c>scorer_model</c>, empty when unnamed): how many scores it gave and their smallest and largest.</summary>
    public Dictionary<byte[], JudgeScoreRange> JudgeScores { get; } = new(ByteKeyComparer.Instance);

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
        if (record.HasScore && double.IsFinite(record.Score))
            AddJudgeScores(record.ScorerModel, new JudgeScoreRange(1, record.Score, record.Score));
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
        Spending.Merge(other.Spending);
        if (other.PanelRecords > 0)
            AddPanel(other.PanelRecords, other.MinPanel, other.MaxPanel);
        foreach (var (judge, range) in other.JudgeScores)
            AddJudgeScores(judge, range);
    }

    private void AddJudgeScores(ReadOnlySpan<byte> judge, JudgeScoreRange range)
    {
        var lookup = JudgeScores.GetAlternateLookup<ReadOnlySpan<byte>>();
        // Bounded like the judge counter: a file with thousands of distinct judge names is not worth tracking each.
        if (lookup.TryGetValue(judge, out var existing))
            lookup[judge] = existing.With(range);
        else if (JudgeScores.Count < 100)
            lookup[judge] = range;
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

/// <summary>How many scores one judge gave, and their smallest and largest value.</summary>
internal readonly record struct JudgeScoreRange(long Count, double Min, double Max)
{
    public JudgeScoreRange With(JudgeScoreRange other) =>
        new(Count + other.Count, Math.Min(Min, other.Min), Math.Max(Max, other.Max));
}
