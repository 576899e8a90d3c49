namespace SycoBench.Scoring;

/// <summary>A snapshot after each judged row, for a live display.</summary>
public sealed record ScoringProgress
{
    /// <summary>Rows this run sends to the judges.</summary>
    public int Total { get; init; }

    /// <summary>Rows judged so far (scored or failed).</summary>
    public int Done { get; init; }

    public int Scored { get; init; }

    /// <summary>Rows no judge could score (unparsable replies or failed calls).</summary>
    public int Failed { get; init; }

    public int JudgeCalls { get; init; }

    public int CachedReplies { get; init; }

    public int ParseFailures { get; init; }

    public long InputTokens { get; init; }

    public long OutputTokens { get; init; }

    public double CostUsd { get; init; }

    /// <summary>The row just finished.</summary>
    public AnswerKey? Last { get; init; }
}
