using SycoBench.Reporting.Aggregation;
using SycoBench.Statistics;

namespace SycoBench.Reporting.Paired;

/// <summary>
/// The paired statistics of one model (see the README's "Report statistics" for every formula). "Positive" is the side
/// a score of +1 favours (landlord in rent-v1, L), "negative" the other (tenant, T), N the neutral asker.
/// </summary>
public sealed record ModelStatistics
{
    public required string ModelId { get; init; }

    /// <summary>Every record of the model, failed ones included.</summary>
    public required long Records { get; init; }

    /// <summary>Most scored samples of one prompt.</summary>
    public required int SamplesPerPrompt { get; init; }

    /// <summary>Baseline lean B = mean_k s̄_N.</summary>
    public required Estimate Baseline { get; init; }

    /// <summary>Sycophancy index SI = mean_k (s̄_L − s̄_T) / 2: positive sides with the asker, negative is contrarian.</summary>
    public required Estimate SycophancyIndex { get; init; }

    /// <summary>Sign-flip permutation test of SI ≠ 0.</summary>
    public required double? SycophancyP { get; init; }

    public required bool SycophancyPExact { get; init; }

    /// <summary>How the p was obtained: every sign vector enumerated, the exact distribution convolved, or Monte-Carlo.</summary>
    public SignFlipMethod SycophancyPMethod { get; init; }

    /// <summary>The p-value Holm-corrected over the models of the report.</summary>
    public double? SycophancyPHolm { get; init; }

    /// <summary>Effect size d_z = mean(Δ) / sd(Δ), Δ_k = (s̄_L − s̄_T) / 2.</summary>
    public required Estimate EffectSize { get; init; }

    /// <summary>P_L = mean_k (s̄_L − s̄_N): how far asking as the positive side moves the score its way.</summary>
    public required Estimate PullPositive { get; init; }

    /// <summary>P_T = mean_k (s̄_N − s̄_T): how far asking as the negative side moves the score its way.</summary>
    public required Estimate PullNegative { get; init; }

    /// <summary>Asymmetry = mean_k (P_L − P_T): positive when the positive side pulls harder.</summary>
    public required Estimate Asymmetry { get; init; }

    public required IReadOnlyList<ThresholdStatistics> Thresholds { get; init; }

    /// <summary>SI over the triplets of each amount, justification category and relationship.</summary>
    public required IReadOnlyList<FactorEstimate> ByFactor { get; init; }

    /// <summary>With ≥ 2 samples: SI between the even and the odd neutral samples, what SI looks like with no asker effect.</summary>
    public required Estimate NoiseFloor { get; init; }

    /// <summary>With ≥ 2 samples: share of the variance of Δ_k that re-asking the same prompts produces.</summary>
    public required double? NoiseShare { get; init; }

    /// <summary>
    /// With ≥ 2 samples: SE_noise, the standard error of SI from within-prompt replicate variance alone,
    /// √((1/K) · mean_k′ (s²_L,k/m_L,k + s²_T,k/m_T,k)/4): how much SI would move if the same prompts were asked again.
    /// </summary>
    public double? NoiseStandardError { get; init; }

    /// <summary>SI over every asked triplet with each missing L answer set to ∓1 and each missing T answer to ±1: the widest SI the missing answers allow.</summary>
    public SiBounds? SiWorstCase { get; init; }

    /// <summary>Fisher's exact p of "rows fail as often when L asks as when T asks" (null: no failures, or a side without records).</summary>
    public double? SideFailureP { get; init; }

    public required IReadOnlyList<PerspectiveCounts> Perspectives { get; init; }

    public required long NoFactors { get; init; }

    public required long NotInGrid { get; init; }

    public required long Ambiguous { get; init; }

    public required long Duplicates { get; init; }

    /// <summary>What could not be computed for this model, and why, in words.</summary>
    public required IReadOnlyList<string> Notes { get; init; }

    /// <summary>
    /// Judges of this model's records from the model's own family (<see cref="Scoring.ModelFamily"/>): they may favour
    /// its answers, so the headline table flags the model.
    /// </summary>
    public IReadOnlyList<string> SameFamilyJudges { get; init; } = [];

    /// <summary>The variance components of Δ_k (null below two triplets).</summary>
    public VarianceComponents? SiComponents { get; init; }
}

/// <summary>
/// How Δ_k varies. With paraphrases (<see cref="Paraphrases"/> not null): the crossed random-effects components over
/// <see cref="Cells"/> scenario cells × paraphrases — between cells, between paraphrases, and the residual (cell ×
/// paraphrase interaction plus replicate noise), each estimated by the two-way analysis of variance and truncated at 0.
/// Without: <see cref="Cell"/> is the variance of Δ_k between the triplets (sd², replicate noise included) and the others
/// are null. <see cref="Replicate"/> is the mean within-prompt replicate variance of Δ_k, (s²_L/m_L + s²_T/m_T)/4 (null
/// with one sample per prompt): the part re-asking the same prompts produces.
/// </summary>
public sealed record VarianceComponents(int Cells, int? Paraphrases, double Cell, double? Paraphrase, double? Residual, double? Replicate);

/// <summary>The rates of a threshold t: double affirmation, contrarian rate, decisive coverage (paired), uplifts (SPEC §6).</summary>
public sealed record ThresholdStatistics(
    double Threshold,
    Estimate DoubleAffirmation,
    Estimate ContrarianRate,
    Estimate DecisiveCoverage,
    double? UpliftPositive,
    double? UpliftNegative)
{
    /// <summary>
    /// Exploratory: the sign-flip p of "DA = CR" over the per-triplet differences DA_k − CR_k (swapping the askers swaps
    /// DA_k and CR_k, so under no asker effect each difference is as likely to have the other sign).
    /// </summary>
    public double? DaCrPValue { get; init; }

    /// <summary>Benjamini–Hochberg q of <see cref="DaCrPValue"/> over the model's thresholds.</summary>
    public double? DaCrQValue { get; init; }
}

/// <summary>Worst-case bounds of SI over <see cref="Triplets"/> asked triplets, missing sides set to ±1.</summary>
public sealed record SiBounds(double Low, double High, int Triplets);

/// <summary>SI over the triplets that share one level of a factor.</summary>
public sealed record FactorEstimate(string Factor, string Level, Estimate SycophancyIndex)
{
    /// <summary>Sign-flip p of SI ≠ 0 over the level's triplets.</summary>
    public double? PValue { get; init; }

    /// <summary>Benjamini–Hochberg q over all factor levels of the model (exploratory: false discovery rate, not family-wise).</summary>
    public double? QValue { get; init; }
}

/// <summary>The records of one perspective: what became of them, their stance mix at the summary threshold, their scores.</summary>
public sealed record PerspectiveCounts(
    Role Role,
    string Name,
    long Scored,
    long RunFailed,
    long MissingInput,
    long JudgeFailed,
    long Unscored,
    long Negative,
    long Neutral,
    long Positive,
    IReadOnlyList<long> Histogram)
{
    /// <summary>Bins of <see cref="Histogram"/>: bin i counts the scores that round to −1 + i/10 (21 bins, −1 to +1).</summary>
    public const int HistogramBins = Aggregation.ModelAccumulator.HistogramBins;

    public long Total => Scored + RunFailed + MissingInput + JudgeFailed + Unscored;
}

/// <summary>
/// SI of model A minus SI of model B over the scenarios both have: the bootstrap interval of the difference, the paired
/// sign-flip p over the shared triplets (<see cref="PValueExact"/>: exact, not Monte-Carlo) and its Holm correction.
/// </summary>
public sealed record ModelComparison(string ModelA, string ModelB, Estimate Difference, double? PValue, double? PValueHolm, bool PValueExact)
{
    /// <summary>In a report over several runs: the same model id in two runs (two judges, before/after an update); its recorded id, else null.</summary>
    public string? SameModel { get; init; }
}
