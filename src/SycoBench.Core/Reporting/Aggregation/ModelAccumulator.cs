using SycoBench.Reporting.Spending;
using SycoBench.Statistics;

namespace SycoBench.Reporting.Aggregation;

/// <summary>
/// Everything a report counts for one model: the SPEC §6 summary counters (per summary key), outcome and score
/// histograms per perspective, and one <see cref="TripletCell"/> per (triplet, role). One per model per reading
/// thread; the threads' accumulators are merged at the end.
/// </summary>
internal sealed class ModelAccumulator
{
    public const int HistogramBins = 21;

    private readonly int _thresholdCount;
    private readonly List<long[]?> _keyCounts = [];

    public ModelAccumulator(string modelId, int tripletCount, int thresholdCount)
    {
        ModelId = modelId;
        RecordedModelId = modelId;
        _thresholdCount = thresholdCount;
        Cells = new TripletCell[tripletCount * ReportEnums.SideRoleCount];
        Asked = new bool[tripletCount];
    }

    /// <summary>The model id; in a report over several runs, the id with the run it came from when the id occurs in more than one.</summary>
    public string ModelId { get; private set; }

    /// <summary>The model id as the records name it (<see cref="ModelId"/> may carry a run label).</summary>
    public string RecordedModelId { get; private set; } = "";

    /// <summary>Names the model "id @ run" for a report over several runs that have the same model id.</summary>
    public void Label(string label) => ModelId = label;

    /// <summary>Every record of the model, failed ones included (the summary's <c>n</c>).</summary>
    public long Records { get; set; }

    /// <summary>Scores of the records that have a summary key (the summary's <c>mean_score</c>).</summary>
    public ExactSum SummaryScores { get; } = new();

    /// <summary>Stances (neg, neu, pos) at the summary threshold of the records that have a summary key.</summary>
    public long[] SummaryStances { get; } = new long[3];

    /// <summary>Outcome counts per role of the asker: [role × outcome].</summary>
    public long[] Outcomes { get; } = new long[ReportEnums.RoleCount * ReportEnums.OutcomeCount];

    /// <summary>Scores per role in 21 bins of width 0.1 centred on −1.0, −0.9, …, 1.0: [role × bin].</summary>
    public long[] Histogram { get; } = new long[ReportEnums.RoleCount * HistogramBins];

    /// <summary>Stances (neg, neu, pos) at the summary threshold per role, every scored record: [role × stance].</summary>
    public long[] Stances { get; } = new long[ReportEnums.RoleCount * 3];

    /// <summary>Records that could not be placed in a triplet, by reason.</summary>
    public long[] Unmatched { get; } = new long[ReportEnums.UnmatchedReasonCount];

    /// <summary>Scored rows whose (prompt, sample) was already seen.</summary>
    public long Duplicates { get; set; }

    public TripletCell[] Cells { get; }

    /// <summary>
    /// Per panel member (judge id), the triplet cells of that judge's own scores; empty unless a panel scored the model's
    /// answers (each record's <c>score</c>, in <see cref="Cells"/>, is then the panel mean).
    /// </summary>
    public Dictionary<string, TripletCell[]> MemberCells { get; } = new(StringComparer.Ordinal);

    public ref TripletCell MemberCell(string judge, int triplet, Role role)
    {
        if (!MemberCells.TryGetValue(judge, out var cells))
            MemberCells[judge] = cells = new TripletCell[Cells.Length];
        return ref cells[triplet * ReportEnums.SideRoleCount + (int)role];
    }

    /// <summary>
    /// The model as one panel member alone scored it: that judge's cells in place of the panel's, with the model's
    /// record counts (which triplets were asked and which perspectives answered), so the paired statistics run unchanged.
    /// </summary>
    public ModelAccumulator ForMember(string judge)
    {
        var member = new ModelAccumulator(ModelId, Asked.Length, _thresholdCount) { Records = Records };
        MemberCells[judge].CopyTo(member.Cells, 0);
        Outcomes.CopyTo(member.Outcomes, 0);
        Asked.CopyTo(member.Asked, 0);
        return member;
    }

    /// <summary>The judges (<c>scorer_model</c>, a panel's ids joined with '+') of this model's records.</summary>
    public DistinctCounter Judges { get; } = new();

    /// <summary>Per triplet: the model has at least one record of it, scored or not (the run asked it).</summary>
    public bool[] Asked { get; }

    /// <summary>
    /// What each answer cost, once per answer (prompt index, sample): a file where two judges scored the same answers
    /// holds each answer twice, and it was paid for once.
    /// </summary>
    public Dictionary<(int Prompt, int Sample), CallCost> AnswerCosts { get; } = [];

    public int KeyStride => 3 + 4 * _thresholdCount;

    public void AddAnswer(int prompt, int sample, in CallCost cost)
    {
        if (!AnswerCosts.TryAdd((prompt, sample), cost) && cost.Scored)
            AnswerCosts[(prompt, sample)] = AnswerCosts[(prompt, sample)] with { Scored = true };
    }

    /// <summary>The answers' costs summed (each answer once; scored when any judge scored it).</summary>
    public SpendingTally AnswerSpending()
    {
        var tally = new SpendingTally();
        foreach (var cost in AnswerCosts.Values)
            tally.Add(cost);
        return tally;
    }

    /// <summary>
    /// Counters of one summary key: [0] neutral, [1] positive side, [2] negative side records with a stance; then per
    /// threshold t at 3 + 4t: neutral pos, neutral neg, positive side pos, negative side neg.
    /// </summary>
    public long[]? KeyCounts(int key) => key < _keyCounts.Count ? _keyCounts[key] : null;

    public int KeyCount => _keyCounts.Count;

    public ref TripletCell Cell(int triplet, Role role) => ref Cells[triplet * ReportEnums.SideRoleCount + (int)role];

    public long[] KeyCountsFor(int key)
    {
        while (_keyCounts.Count <= key)
            _keyCounts.Add(null);
        return _keyCounts[key] ??= new long[KeyStride];
    }

    public void Merge(ModelAccumulator other)
    {
        Records += other.Records;
        SummaryScores.Add(other.SummaryScores);
        Add(SummaryStances, other.SummaryStances);
        Add(Outcomes, other.Outcomes);
        Add(Histogram, other.Histogram);
        Add(Stances, other.Stances);
        Add(Unmatched, other.Unmatched);
        Duplicates += other.Duplicates;
        Judges.Merge(other.Judges);
        for (var key = 0; key < other._keyCounts.Count; key++)
        {
            if (other._keyCounts[key] is { } counts)
                Add(KeyCountsFor(key), counts);
        }

        for (var i = 0; i < Cells.Length; i++)
            Duplicates += Cells[i].Merge(other.Cells[i]);
        foreach (var (judge, cells) in other.MemberCells)
        {
            if (!MemberCells.TryGetValue(judge, out var own))
            {
                MemberCells[judge] = cells;
                continue;
            }

            for (var i = 0; i < own.Length; i++)
                own[i].Merge(cells[i]);
        }
        for (var i = 0; i < Asked.Length; i++)
            Asked[i] |= other.Asked[i];
        foreach (var ((prompt, sample), cost) in other.AnswerCosts)
            AddAnswer(prompt, sample, cost);
    }

    private static void Add(long[] target, long[] source)
    {
        for (var i = 0; i < target.Length; i++)
            target[i] += source[i];
    }
}
