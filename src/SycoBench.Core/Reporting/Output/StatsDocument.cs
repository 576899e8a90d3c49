using System.Text.Json;
using System.Text.Json.Serialization;

namespace SycoBench.Reporting.Output;

// The shape of stats.json. Property names come from the snake_case naming policy of StatsJsonContext; members are
// written in the order they are declared. A value that does not exist is null, never left out, except where noted.

internal sealed record StatsDocument(
    string SycobenchVersion,
    string GeneratedAt,
    StatsInput Input,
    StatsScenario Scenario,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] StatsStudy? Study,
    StatsMethod Method,
    StatsRun Run,
    StatsQuality Quality,
    IReadOnlyList<StatsModel> Models,
    IReadOnlyList<StatsComparison> Comparisons,
    IReadOnlyList<StatsSummaryRow> Summary)
{
    /// <summary>Where the money went (report's cost section); written after the summary.</summary>
    public StatsCosts? Costs { get; init; }

    /// <summary>A report over several runs: the runs and the same model's paired differences between them; left out for one run.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public StatsRunComparison? RunComparison { get; init; }

    /// <summary>A run scored by a judge panel: SI of each model as each judge alone scored it; left out without a panel.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<StatsJudgeSi>? Judges { get; init; }

    /// <summary>A run scored by a judge panel: the judges' agreement; left out without a panel.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public StatsJudgeAgreement? JudgeAgreement { get; init; }
}

/// <summary>SI of one model from one panel judge's scores alone; <c>scored</c>: that judge's scored answers in matched triplets.</summary>
internal sealed record StatsJudgeSi(string ModelId, string Judge, long Scored, StatsEstimate SycophancyIndex, double? SiPValue, bool SiPValueExact);

/// <summary>The panel's agreement: answers scored by ≥ 2 judges, Krippendorff's interval alpha over them, and every pair of judges.</summary>
internal sealed record StatsJudgeAgreement(IReadOnlyList<string> Judges, int Answers, double? KrippendorffAlphaInterval, IReadOnlyList<StatsJudgePair> Pairs);

internal sealed record StatsJudgePair(string JudgeA, string JudgeB, int Answers, double? Pearson, double? MeanAbsoluteDifference);

/// <summary>The runs of a report over several runs, and for each model id in more than one run, the paired SI difference between its runs.</summary>
internal sealed record StatsRunComparison(IReadOnlyList<StatsRunInput> Inputs, IReadOnlyList<StatsSameModel> SameModel);

internal sealed record StatsRunInput(string Label, string Path);

internal sealed record StatsSameModel(string ModelId, string ModelA, string ModelB, StatsEstimate SiDifference, double? PValue, bool PValueExact, double? PValueHolm);

internal sealed record StatsCosts(
    string? PriceTableReadOn,
    IReadOnlyList<StatsCostLine> Models,
    StatsCostLine ModelsTotal,
    IReadOnlyList<StatsCostLine> Judges,
    StatsCostLine JudgesTotal,
    IReadOnlyList<string> Notes);

/// <summary>
/// One model's answers or one judge's verdicts (<c>answers</c>: the answers it gave, or judged): <c>cost_usd</c> is null
/// when any billed answer's cost is unknown (then <c>known_cost_usd</c> is a lower bound and <c>unknown_cost</c> counts
/// the answers left out); the token sums are null when no billed answer says its tokens (then they are unknown, not 0).
/// </summary>
internal sealed record StatsCostLine(
    string Id,
    long Answers,
    long Scored,
    long Cached,
    long Requests,
    long FailedRequests,
    long Billed,
    long Batch,
    long? InputTokens,
    long? OutputTokens,
    long WithoutTokens,
    double? CostUsd,
    double KnownCostUsd,
    long UnknownCost,
    double? CostPerScoredAnswerUsd,
    IReadOnlyList<StatsCount> CostSources);

internal sealed record StatsInput(string Path, long Bytes, long Lines, long Records);

internal sealed record StatsScenario(string Id, string Title, string Sha256, string Source, string? RecordedSha256, StatsSides Sides);

/// <summary>The study file of a report made by <c>study run</c>: its path as given and the SHA-256 of its bytes.</summary>
internal sealed record StatsStudy(string Path, string Sha256, string? Title);

internal sealed record StatsSides(string Positive, string Negative, string Neutral, string PositiveLabel, string NegativeLabel);

internal sealed record StatsMethod(
    double Threshold,
    IReadOnlyList<double> Thresholds,
    string Unit,
    string InferenceTarget,
    string Interval,
    int Resamples,
    int Permutations,
    long Seed,
    string ComparisonCorrection,
    string HolmFamily,
    string ComparisonTest,
    string MissingData);

internal sealed record StatsRun(
    IReadOnlyList<StatsCount> Models,
    IReadOnlyList<StatsCount> Judges,
    IReadOnlyList<StatsCount> Rubrics,
    IReadOnlyList<StatsCount> RunIds,
    long JudgePanelRecords,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? JudgePanelMin,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? JudgePanelMax,
    string? FirstRunTimestamp,
    string? LastRunTimestamp,
    string? FirstEvalTimestamp,
    string? LastEvalTimestamp,
    double AnswerCostUsd,
    long AnswerCostRecords,
    double JudgeCostUsd,
    long JudgeCostRecords);

internal sealed record StatsCount(string Id, long Records);

internal sealed record StatsQuality(
    long MalformedLines,
    long BlankLines,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? SupersededRecords,
    IReadOnlyList<StatsProblem> Problems,
    IReadOnlyList<StatsErrorExample> ErrorExamples,
    IReadOnlyList<string> Notes);

internal sealed record StatsProblem(long Line, string Message);

internal sealed record StatsErrorExample(long Line, string Outcome, string ModelId, string Error);

internal sealed record StatsBounds(double? Low, double? High, int K);

/// <summary>A statistic with its interval: <c>target</c> says what the interval is for (grid, population), <c>interval</c> how it was made.</summary>
internal sealed record StatsEstimate(double? Value, double? CiLow, double? CiHigh, int K, string? Target, string? Interval, double? Df, int? Units);

/// <summary>The variance components of Δ_k (see <see cref="Paired.VarianceComponents"/>).</summary>
internal sealed record StatsVarianceComponents(int Cells, int? Paraphrases, double? Cell, double? Paraphrase, double? Residual, double? Replicate);

internal sealed record StatsModel(
    string ModelId,
    long Records,
    int SamplesPerPrompt,
    StatsEstimate Baseline,
    StatsEstimate SycophancyIndex,
    double? SiPValue,
    bool SiPValueExact,
    string? SiPValueMethod,
    double? SiPValueHolm,
    StatsEstimate EffectSizeDz,
    StatsEstimate PullPositive,
    StatsEstimate PullNegative,
    StatsEstimate Asymmetry,
    IReadOnlyList<StatsThreshold> Thresholds,
    IReadOnlyList<StatsFactorLevel> SiByFactor,
    StatsEstimate NoiseFloor,
    double? NoiseShare,
    double? SeNoise,
    StatsVarianceComponents? SiVarianceComponents,
    StatsBounds? SiWorstCase,
    double? SideFailureP,
    IReadOnlyList<StatsPerspective> Perspectives,
    StatsUnmatched Unmatched,
    long Duplicates,
    IReadOnlyList<string> Notes,
    IReadOnlyList<string> SameFamilyJudges);

internal sealed record StatsThreshold(
    double Threshold,
    StatsEstimate DoubleAffirmation,
    StatsEstimate ContrarianRate,
    StatsEstimate DecisiveCoverage,
    double? UpliftPositive,
    double? UpliftNegative,
    double? DaCrPValue,
    double? DaCrQValueBh);

internal sealed record StatsFactorLevel(string Factor, string Level, StatsEstimate SycophancyIndex, double? PValue, double? QValueBh);

internal sealed record StatsPerspective(
    string Role,
    string Name,
    long Records,
    long Scored,
    long RunFailed,
    long MissingInput,
    long JudgeFailed,
    long Unscored,
    StatsStance Stance,
    IReadOnlyList<long> ScoreHistogram);

internal sealed record StatsStance(long Neg, long Neu, long Pos);

internal sealed record StatsUnmatched(long NoFactors, long NotInGrid, long Ambiguous);

internal sealed record StatsComparison(string ModelA, string ModelB, StatsEstimate SiDifference, double? PValue, bool PValueExact, double? PValueHolm);

/// <summary>
/// One summary row. The per-side columns are named after the scenario's sides (<c>landlord_n</c>, <c>tenant_uplift</c>
/// in rent-v1), so they are written from <see cref="Sides"/>, in order, after the fixed columns.
/// </summary>
internal sealed record StatsSummaryRow(
    string ModelId,
    long N,
    double? MeanScore,
    double PNeg,
    double PNeu,
    double PPos)
{
    [JsonExtensionData]
    public OrderedDictionary<string, JsonElement> Sides { get; } = new(StringComparer.Ordinal);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(StatsDocument))]
[JsonSerializable(typeof(double?))]
[JsonSerializable(typeof(long))]
internal sealed partial class StatsJsonContext : JsonSerializerContext;
