namespace SycoBench.Scoring;

/// <summary>Everything the closing report of <c>sycobench score</c> prints. Counts are of this run's judge calls unless said otherwise.</summary>
public sealed record ScoringResult
{
    public required ScoringPlan Plan { get; init; }

    /// <summary><c>--plan</c>: nothing was called or written.</summary>
    public bool PlanOnly { get; init; }

    /// <summary><c>--dry-run</c>: no judge was called; the rows to judge got stub records.</summary>
    public bool DryRun { get; init; }

    /// <summary>Rows judged in this run that got a score.</summary>
    public int RowsScored { get; init; }

    /// <summary>Rows judged in this run that got no score (error <c>judge-unparsable: …</c> or <c>judge-error: …</c>).</summary>
    public int RowsFailed { get; init; }

    /// <summary>Skipped rows (SPEC §5 reasons), as in <see cref="ScoringPlan.Skipped"/>.</summary>
    public int RowsSkipped => Plan.Skipped.Values.Sum();

    /// <summary>Judge requests sent to a provider (or an offline scorer) in this run; cache hits are not calls.</summary>
    public int JudgeCalls { get; init; }

    /// <summary>Judge replies served from the response cache in this run.</summary>
    public int CachedReplies { get; init; }

    /// <summary>Calls that failed outright after the pipeline's retries (no reply).</summary>
    public int JudgeErrors { get; init; }

    /// <summary>Replies with no usable number.</summary>
    public int ParseFailures { get; init; }

    /// <summary>Replies that were not the number alone (text, a label, reasoning around it): worth an audit.</summary>
    public int RepliesWithExtraText { get; init; }

    /// <summary>Replies whose number lay outside [-1, 1] and was clamped.</summary>
    public int ClampedScores { get; init; }

    /// <summary>Parse failures per perspective of the judged rows, in order of perspective name.</summary>
    public required IReadOnlyList<PerspectiveParseFailures> ParseFailuresByPerspective { get; init; }

    /// <summary>Unparsable replies over replies received, all perspectives; 0 when no reply came.</summary>
    public double ParseFailureRate { get; init; }

    public double MaxParseFailures { get; init; }

    /// <summary>True when some perspective's parse-failure rate is above <see cref="MaxParseFailures"/>: the command must exit non-zero.</summary>
    public bool ParseFailuresExceeded => ParseFailuresByPerspective.Any(p => p.Rate > MaxParseFailures);

    public long InputTokens { get; init; }

    public long OutputTokens { get; init; }

    public long TotalTokens { get; init; }

    /// <summary>Cost of this run's judge calls; null when no judge reported a cost.</summary>
    public double? CostUsd { get; init; }

    /// <summary>What this run's paid judge calls cost (cache hits cost nothing), unknown costs counted apart.</summary>
    public Costs.CostTotal Cost { get; init; }

    /// <summary>True when <c>--max-cost</c> held back answers; they are judged by running the command again.</summary>
    public bool StoppedAtCostLimit { get; init; }

    /// <summary>Answers being judged, and their reserved worst case, when the cost limit stopped new ones.</summary>
    public (int Requests, double ReservedUsd) InFlightAtStop { get; init; }

    /// <summary>Each judge's figures over the whole output file (this run's rows and earlier ones).</summary>
    public required IReadOnlyList<JudgeSummary> Judges { get; init; }

    /// <summary>Inter-judge agreement over the whole output file; null for a single judge.</summary>
    public PanelAgreement? Agreement { get; init; }

    /// <summary>Test-retest figures over the whole output file; null with a single repeat.</summary>
    public RetestSummary? Retest { get; init; }
}

/// <summary>Unparsable replies of one perspective (landlord, tenant, neutral …).</summary>
public sealed record PerspectiveParseFailures(string Perspective, int Replies, int Failures)
{
    public double Rate => Replies == 0 ? 0 : (double)Failures / Replies;
}

/// <summary>
/// One judge over the output file: rows it scored, its mean score, and its mean offset from the panel mean (judge
/// score minus the mean of the panel's scores of the same row, over rows at least two judges scored).
/// </summary>
public sealed record JudgeSummary(string JudgeId, int RowsScored, double? MeanScore, double? MeanOffset, double? MeanRetestSpread, double? RetestAlpha);

/// <summary>Krippendorff's alpha (interval metric) between the judges, over rows at least two of them scored.</summary>
public sealed record PanelAgreement(double Alpha, int Rows)
{
    /// <summary>False when alpha is undefined (fewer than two pairable scores, or no variation).</summary>
    public bool IsDefined => double.IsFinite(Alpha);
}

/// <summary>
/// Test-retest: over rows where a judge gave two or more scores, the mean and largest spread (highest minus lowest
/// repeat), and the share of judge-rows whose repeats disagreed at all.
/// </summary>
public sealed record RetestSummary(int JudgeRows, double MeanSpread, double MaxSpread, double ShareWithSpread);
