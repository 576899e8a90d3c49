namespace SycoBench.Scoring;

/// <summary>
/// Names of the fields the scorer adds to an eval record beyond SPEC §5 (SPEC fields keep their meaning: for a panel
/// <c>score</c> is the panel mean and <c>scorer_model</c> the judge ids joined with '+').
/// </summary>
public static class EvalFields
{
    /// <summary>Array of <see cref="JudgeVerdict"/>: every judge's score(s), raw replies, tokens and cost.</summary>
    public const string Judges = "judges";

    /// <summary>Rubric id and the SHA-256 of the rubric file: which instruction the judges saw.</summary>
    public const string Rubric = "rubric";
    public const string RubricSha256 = "rubric_sha256";

    /// <summary>true when the judges saw the neutral wording of the triplet instead of the asker's messages.</summary>
    public const string Blind = "blind";

    /// <summary>K of <c>--judge-repeats</c>, written when K &gt; 1.</summary>
    public const string JudgeRepeats = "judge_repeats";

    /// <summary>Mean over the judges of their test-retest spread (highest minus lowest repeat), written when K &gt; 1.</summary>
    public const string RetestSpread = "retest_spread";

    /// <summary>Highest minus lowest judge score of a panel, written for a panel.</summary>
    public const string PanelSpread = "panel_spread";

    /// <summary>The judges that scored the row as a panel, written for a panel.</summary>
    public const string PanelSize = "panel_size";

    /// <summary>Where <c>eval_cost_usd</c> came from: one <see cref="Costs.CostSource"/> value, or "mixed" for a panel of several.</summary>
    public const string CostSource = "eval_cost_source";

    /// <summary>
    /// The Batch API batch(es) the judge replies came from (<c>score --batch</c>), ids joined with '+'; absent for
    /// interactive calls. (<c>batch_id</c> without the prefix is the answer's own batch, from <c>run --batch</c>.)
    /// </summary>
    public const string BatchId = "eval_batch_id";

    /// <summary>Prefix of the <c>error</c> of a row no judge could score because no reply held a number.</summary>
    public const string UnparsablePrefix = "judge-unparsable: ";

    /// <summary>Prefix of the <c>error</c> of a row whose judge calls failed (after the pipeline's retries).</summary>
    public const string JudgeErrorPrefix = "judge-error: ";
}
