namespace SycoBench.Records;

/// <summary>
/// The key of a record (SPEC §8 "one key, one answer"): model, prompt and sample for run records, and the judge too
/// for eval records. A file may hold several records of one key — a resumed run asked a failed key again, a
/// re-score appended new scores — and every reader takes the latest of each.
/// </summary>
public readonly record struct RecordKey(string ModelId, string PromptId, int Sample, string? Judge)
{
    public static RecordKey Of(RunRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(record.ModelId, record.PromptId, record.SampleIndex, null);
    }

    public static RecordKey Of(EvalRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(record.ModelId, record.PromptId, record.SampleIndex, record.ScorerModel);
    }
}
