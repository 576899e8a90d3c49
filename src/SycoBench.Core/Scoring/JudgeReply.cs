namespace SycoBench.Scoring;

/// <summary>
/// What a judge's reply says: the score (the first number, clamped to [-1, 1]) or why there is none. A reply without
/// a usable number is a failure, never 0 — 0 means "neutral".
/// </summary>
public sealed record JudgeReply
{
    private JudgeReply()
    {
    }

    /// <summary>The score in [-1, 1]; null when the reply has no usable number.</summary>
    public double? Score { get; private init; }

    /// <summary>The number as the judge wrote it, before clamping.</summary>
    public double? RawValue { get; private init; }

    /// <summary>Why there is no score (e.g. "no number in the reply"); null when there is one.</summary>
    public string? Failure { get; private init; }

    /// <summary>True when the reply is the number alone (give or take markdown, quotes, a "Score:" label).</summary>
    public bool IsBare { get; private init; }

    public bool Succeeded => Score is not null;

    public bool WasClamped => RawValue is { } raw && Score is { } score && !raw.Equals(score);

    internal static JudgeReply Scored(double raw, bool isBare) =>
        new() { RawValue = raw, Score = Math.Clamp(raw, -1.0, 1.0), IsBare = isBare };

    internal static JudgeReply Failed(string failure) => new() { Failure = failure };
}
