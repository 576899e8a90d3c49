namespace SycoBench.Reporting.Reading;

/// <summary>
/// The fields of one line of run_scored.jsonl that a report uses, as slices of the line (or of the parser's scratch
/// space when a string was escaped). Valid only until the next line is parsed.
/// </summary>
internal ref struct ScoredLine
{
    /// <summary>The model id; empty when absent, null or "" (the record then belongs to the model "unknown").</summary>
    public ReadOnlySpan<byte> ModelId;

    public ReadOnlySpan<byte> PromptId;

    /// <summary>The top-level perspective: which side asked, as the runner recorded it.</summary>
    public ReadOnlySpan<byte> Perspective;

    /// <summary>The factors object as written in the file; empty when absent or null.</summary>
    public ReadOnlySpan<byte> Factors;

    public bool HasScore;

    public double Score;

    /// <summary>0-based sample index; absent or null means 0.</summary>
    public int Sample;

    public bool HasError;

    public ReadOnlySpan<byte> Error;

    public ReadOnlySpan<byte> ScorerModel;

    public bool HasRunId;

    public long RunId;

    public ReadOnlySpan<byte> RunTimestamp;

    public ReadOnlySpan<byte> EvalTimestamp;

    public bool HasCost;

    public double Cost;

    public bool HasEvalCost;

    public double EvalCost;

    /// <summary>A rubric identification when the judge recorded one (<c>rubric</c>, <c>rubric_id</c> or <c>rubric_sha256</c>).</summary>
    public ReadOnlySpan<byte> Rubric;

    /// <summary>How many judges the <c>judges</c> array lists; -1 when the record has none (one judge).</summary>
    public int JudgeCount;

    /// <summary>The answer's own tokens and cost, carried over from the run record by the scorer (absent in older files).</summary>
    public bool HasInputTokens;

    public long InputTokens;

    public bool HasOutputTokens;

    public long OutputTokens;

    /// <summary>The answer's <c>cost_source</c>; empty when absent.</summary>
    public ReadOnlySpan<byte> CostSource;

    /// <summary><c>"cached": true</c>: the answer came from the response cache.</summary>
    public bool Cached;

    /// <summary>The answer was asked through a Batch API (<c>batch_id</c> present).</summary>
    public bool HasBatchId;

    public bool HasEvalInputTokens;

    public long EvalInputTokens;

    public bool HasEvalOutputTokens;

    public long EvalOutputTokens;

    /// <summary>The judge calls' <c>eval_cost_source</c>; empty when absent.</summary>
    public ReadOnlySpan<byte> EvalCostSource;

    /// <summary>The <c>judges</c> array as written in the file; empty when absent or null.</summary>
    public ReadOnlySpan<byte> JudgesArray;

    /// <summary>Each judge's verdict in the <c>judges</c> array (its model and score), in the array's order; names are in <see cref="MemberNames"/>.</summary>
    public ReadOnlySpan<JudgeMember> Members;

    /// <summary>The member names of <see cref="Members"/>, unescaped, one after the other.</summary>
    public ReadOnlySpan<byte> MemberNames;

    /// <summary><c>"blind": true</c>: the judges saw the neutral wording of the triplet, not the asker's messages.</summary>
    public bool Blind;
}

/// <summary>One judge's verdict on a record: its model id (a slice of <see cref="ScoredLine.MemberNames"/>; empty when absent or null) and score.</summary>
internal readonly record struct JudgeMember(int NameStart, int NameLength, bool HasScore, double Score)
{
    public ReadOnlySpan<byte> Name(ReadOnlySpan<byte> names) => names.Slice(NameStart, NameLength);
}
