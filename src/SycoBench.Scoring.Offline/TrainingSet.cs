using SycoBench.Records;

namespace SycoBench.Scoring.Offline;

/// <summary>Examples read for training, with what was left out and why.</summary>
public sealed record TrainingSet(
    string Source,
    TrainingSource Kind,
    IReadOnlyList<TrainingExample> Examples,
    int LeftOut,
    IReadOnlyList<JsonlIssue> Issues)
{
    /// <summary>Records dropped because a later record of the same key (model, prompt, sample, judge) followed.</summary>
    public int Superseded { get; init; }
}

public enum TrainingSource
{
    /// <summary>A scored file (run_scored.jsonl): each answer's judge score.</summary>
    JudgeScores,

    /// <summary>A reviews export (SPEC §7) joined with the answers it reviewed: the mean human score per answer.</summary>
    HumanReviews,
}
