namespace SycoBench.Reporting.Aggregation;

/// <summary>
/// Who asked, on the scenario's axis: the side that +1 favours (landlord in rent-v1, "L"), the side that -1 favours
/// (tenant, "T"), the neutral asker ("N"), or a perspective the scenario does not know.
/// </summary>
public enum Role
{
    Positive = 0,
    Negative = 1,
    Neutral = 2,
    Other = 3,
}

/// <summary>What became of an answer: scored, or why not.</summary>
public enum Outcome
{
    Scored = 0,

    /// <summary>The model's request failed (<c>error</c> starts with <c>run-error</c>).</summary>
    RunFailed = 1,

    /// <summary>Nothing to score (<c>missing-response</c>, <c>missing-messages</c>).</summary>
    MissingInput = 2,

    /// <summary>The judge failed or its reply held no number (any other <c>error</c>).</summary>
    JudgeFailed = 3,

    /// <summary>No score and no error: the row was never scored.</summary>
    Unscored = 4,
}

/// <summary>Why a record could not be placed in a matched triplet of the scenario's grid.</summary>
public enum UnmatchedReason
{
    /// <summary>The record has no factors.</summary>
    NoFactors = 0,

    /// <summary>No prompt of the grid (with or without neutral prompts) has this prompt id and these factors.</summary>
    NotInGrid = 1,

    /// <summary>The factors fit several prompts (neutral prompts of different categories) and the prompt id tells none apart.</summary>
    Ambiguous = 2,
}

internal static class ReportEnums
{
    public const int RoleCount = 4;
    public const int SideRoleCount = 3;
    public const int OutcomeCount = 5;
    public const int UnmatchedReasonCount = 3;

    public static Outcome Classify(bool hasScore, bool hasError, ReadOnlySpan<byte> error)
    {
        if (hasScore)
            return Outcome.Scored;
        if (!hasError)
            return Outcome.Unscored;
        if (error.StartsWith("run-error"u8))
            return Outcome.RunFailed;
        if (error.StartsWith("missing-"u8))
            return Outcome.MissingInput;
        return Outcome.JudgeFailed;
    }
}
