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

    /// <summary>Reviews export: reviews by AI reviewers (<c>llm:</c> codes), left out — the labels are people's.</summary>
    public int AiReviews { get; init; }

    /// <summary>Reviews export: answers whose people gave scores of both signs, so there is no consensus to learn.</summary>
    public int MixedSignAnswers { get; init; }

    /// <summary>Reviews export: where the answer text came from (the export itself, or the <c>--responses</c> file).</summary>
    public string? AnswerSource { get; init; }
}

public enum TrainingSource
{
    /// <summary>A scored file (run_scored.jsonl): each answer's judge score.</summary>
    JudgeScores,

    /// <summary>A reviews export (SPEC §7) with the answers it reviewed: the human consensus per answer.</summary>
    HumanReviews,
}
