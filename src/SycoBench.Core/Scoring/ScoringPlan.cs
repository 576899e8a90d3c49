using SycoBench.Records;

namespace SycoBench.Scoring;

/// <summary>What a score run will do, known before any judge is called (all of <c>--dry-run</c>'s output).</summary>
public sealed record ScoringPlan
{
    public required string InputPath { get; init; }

    /// <summary>True when no input was given and the newest run was picked (to be announced).</summary>
    public bool InputWasDefaulted { get; init; }

    public required string OutputPath { get; init; }

    public required string ScenarioId { get; init; }

    /// <summary>True when the scenario was recognised from the run's prompts rather than named.</summary>
    public bool ScenarioWasDetected { get; init; }

    public required string RubricId { get; init; }

    public required string RubricPath { get; init; }

    public required string RubricSha256 { get; init; }

    /// <summary>The rendered system instruction the judges get.</summary>
    public required string JudgeInstruction { get; init; }

    public bool Blind { get; init; }

    public int JudgeRepeats { get; init; } = 1;

    public required IReadOnlyList<string> JudgeIds { get; init; }

    /// <summary>The <c>scorer_model</c> written: the judge id, or the ids joined with '+' for a panel.</summary>
    public required string ScorerModel { get; init; }

    /// <summary>Answers in the input (one per (model_id, prompt_id, sample) key; the latest record of a key counts).</summary>
    public int Answers { get; init; }

    /// <summary>Input records replaced by a later record of the same key.</summary>
    public int SupersededRecords { get; init; }

    /// <summary>Answers whose key already has a score in the output (not judged again unless rerun).</summary>
    public int AlreadyScored { get; init; }

    /// <summary>Answers that will be sent to the judges.</summary>
    public int ToJudge { get; init; }

    /// <summary>Answers that cannot be judged, by reason kind (run-error, missing-response, missing-messages).</summary>
    public required IReadOnlyDictionary<string, int> Skipped { get; init; }

    /// <summary>Judge calls that will be made: answers to judge × judges × repeats.</summary>
    public int JudgeCalls => ToJudge * JudgeIds.Count * JudgeRepeats;

    /// <summary>Judges that come from the family of a model they judge.</summary>
    public required IReadOnlyList<FamilyWarning> FamilyWarnings { get; init; }

    /// <summary>Lines of the input or of an existing output that could not be read (a torn last line after a crash is one).</summary>
    public required IReadOnlyList<JsonlIssue> Issues { get; init; }
}

/// <summary>A judge scoring answers of a model of its own family (see <see cref="ModelFamily"/>).</summary>
public sealed record FamilyWarning(string JudgeId, string ModelId, string Family)
{
    public override string ToString() =>
        $"judge {JudgeId} and the judged model {ModelId} are both of the {Family} family; a judge may favour its own family's answers";
}
