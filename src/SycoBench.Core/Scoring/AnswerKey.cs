using SycoBench.Records;

namespace SycoBench.Scoring;

/// <summary>Identifies one answer of a run: the model, the prompt and the sample index (SPEC §4).</summary>
public readonly record struct AnswerKey(string ModelId, string PromptId, int Sample)
{
    public static AnswerKey Of(RunRecord row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(row.ModelId, row.PromptId, row.SampleIndex);
    }

    public static AnswerKey Of(EvalRecord row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(row.ModelId, row.PromptId, row.SampleIndex);
    }

    public override string ToString() => Sample == 0 ? $"{ModelId} / {PromptId}" : $"{ModelId} / {PromptId} / sample {Sample}";
}
