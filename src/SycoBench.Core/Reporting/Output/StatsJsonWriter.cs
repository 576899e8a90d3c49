using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using SycoBench.Reporting.Paired;
using SycoBench.Statistics;

namespace SycoBench.Reporting.Output;

/// <summary>
/// stats.json: the whole report for programs — metadata, data quality, each model's statistics with intervals,
/// breakdowns by factor, model comparisons and the summary. Values that do not exist are null. The report is mapped to
/// the records of <see cref="StatsDocument"/> and written by the source-generated <see cref="StatsJsonContext"/>.
/// </summary>
public sealed class StatsJsonWriter : IReportFileWriter
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public void Write(Report report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var json = new Utf8JsonWriter(output, Options);
        JsonSerializer.Serialize(json, Document(report), StatsJsonContext.Default.StatsDocument);
    }

    internal static StatsDocument Document(Report report)
    {
        var meta = report.Metadata;
        return new StatsDocument(
            meta.Version,
            meta.GeneratedAt.ToString("O", CultureInfo.InvariantCulture),
            new StatsInput(meta.InputPath, meta.InputBytes, meta.Lines, meta.Records),
            new StatsScenario(meta.ScenarioId, meta.ScenarioTitle, meta.ScenarioSha256, meta.ScenarioSource, meta.RecordedScenarioSha256,
                new StatsSides(meta.PositiveSide, meta.NegativeSide, meta.NeutralSide, meta.PositiveLabel, meta.NegativeLabel)),
            meta.Study is { } study ? new StatsStudy(study.Path, study.Sha256, study.Title) : null,
            new StatsMethod(meta.Threshold, meta.Thresholds, "scenario (matched triplet)", TargetName(meta.Target), IntervalDescription(meta.Target),
                meta.Resamples, meta.Permutations, meta.Seed, "Holm", meta.HolmFamily == HolmFamily.Joint ? "joint" : "separate",
                "paired sign-flip over shared triplets", meta.MissingData == MissingData.PerStatistic ? "per-statistic" : "complete triplets"),
            Run(meta),
            new StatsQuality(
                report.Quality.MalformedLines,
                report.Quality.BlankLines,
                report.Quality.SupersededRecords > 0 ? report.Quality.SupersededRecords : null,
                report.Quality.Problems.Select(p => new StatsProblem(p.Line, p.Message)).ToArray(),
                report.Quality.ErrorExamples.Select(e => new StatsErrorExample(e.Line, Names.Outcome(e.Outcome), e.ModelId, e.Error)).ToArray(),
                report.Quality.Notes),
            report.Models.Select(Model).ToArray(),
            report.Comparisons.Select(c => new StatsComparison(c.ModelA, c.ModelB, Estimate(c.Difference), Number(c.PValue), c.PValueExact, Number(c.PValueHolm))).ToArray(),
            report.Summary.Select(row => new StatsSummaryRow(row.ModelId, row.N, Number(row.MeanScore), row.PNeg, row.PNeu, row.PPos)
            {
                Sides =
                {
                    [meta.PositiveSide + "_n"] = Element(row.PositiveN),
                    [meta.PositiveSide + "_agree_p"] = Element(row.PositiveAgreeP),
                    [meta.PositiveSide + "_uplift"] = Element(row.PositiveUplift),
                    [meta.NegativeSide + "_n"] = Element(row.NegativeN),
                    [meta.NegativeSide + "_agree_p"] = Element(row.NegativeAgreeP),
                    [meta.NegativeSide + "_uplift"] = Element(row.NegativeUplift),
                },
            }).ToArray())
        {
            Costs = new StatsCosts(
                report.Spending.PricesReadOn,
                report.Spending.Models.Select(CostLine).ToArray(),
                CostLine(report.Spending.ModelsTotal),
                report.Spending.Judges.Select(CostLine).ToArray(),
                CostLine(report.Spending.JudgesTotal),
                report.Spending.Notes),
            RunComparison = meta.Inputs.Count > 1
                ? new StatsRunComparison(
                    meta.Inputs.Select(i => new StatsRunInput(i.Label, i.Path)).ToArray(),
                    report.Comparisons.Where(c => c.SameModel is not null)
                        .Select(c => new StatsSameModel(c.SameModel!, c.ModelA, c.ModelB, Estimate(c.Difference), Number(c.PValue), c.PValueExact, Number(c.PValueHolm)))
                        .ToArray())
                : null,
            Judges = report.JudgeAgreement is null
                ? null
                : report.JudgeSi.Select(j => new StatsJudgeSi(j.ModelId, j.Judge, j.Scored, Estimate(j.SycophancyIndex), Number(j.PValue), j.PValueExact)).ToArray(),
            JudgeAgreement = report.JudgeAgreement is { } agreement
                ? new StatsJudgeAgreement(agreement.Judges, agreement.Answers, Number(agreement.Alpha),
                    agreement.Pairs.Select(p => new StatsJudgePair(p.JudgeA, p.JudgeB, p.Answers, Number(p.Pearson), Number(p.MeanAbsoluteDifference))).ToArray())
                : null,
        };
    }

    private static StatsCostLine CostLine(Spending.SpendingLine line) => new(
        line.Name, line.Items, line.Scored, line.Cached, line.Requests, line.FailedRequests, line.Billed, line.Batch,
        line.Billed > 0 && line.WithoutTokens == line.Billed ? null : line.InputTokens,
        line.Billed > 0 && line.WithoutTokens == line.Billed ? null : line.OutputTokens,
        line.WithoutTokens, Number(line.CostUsd), line.KnownCostUsd, line.UnknownCost,
        Number(line.CostPerScored), Counts(line.Sources));

    private static StatsRun Run(ReportMetadata meta) => new(
        Counts(meta.Models),
        Counts(meta.Judges),
        Counts(meta.Rubrics),
        Counts(meta.RunIds),
        meta.PanelRecords,
        meta.PanelRecords > 0 ? meta.MinPanel : null,
        meta.PanelRecords > 0 ? meta.MaxPanel : null,
        meta.FirstRunTimestamp,
        meta.LastRunTimestamp,
        meta.FirstEvalTimestamp,
        meta.LastEvalTimestamp,
        meta.AnswerCostUsd,
        meta.AnswerCostRecords,
        meta.JudgeCostUsd,
        meta.JudgeCostRecords);

    private static StatsModel Model(ModelStatistics model) => new(
        model.ModelId,
        model.Records,
        model.SamplesPerPrompt,
        Estimate(model.Baseline),
        Estimate(model.SycophancyIndex),
        Number(model.SycophancyP),
        model.SycophancyPExact,
        model.SycophancyP is null ? null : SignFlipMethodName(model.SycophancyPMethod),
        Number(model.SycophancyPHolm),
        Estimate(model.EffectSize),
        Estimate(model.PullPositive),
        Estimate(model.PullNegative),
        Estimate(model.Asymmetry),
        model.Thresholds.Select(t => new StatsThreshold(t.Threshold, Estimate(t.DoubleAffirmation), Estimate(t.ContrarianRate),
            Estimate(t.DecisiveCoverage), Number(t.UpliftPositive), Number(t.UpliftNegative), Number(t.DaCrPValue), Number(t.DaCrQValue))).ToArray(),
        model.ByFactor.Select(f => new StatsFactorLevel(f.Factor, f.Level, Estimate(f.SycophancyIndex), Number(f.PValue), Number(f.QValue))).ToArray(),
        Estimate(model.NoiseFloor),
        Number(model.NoiseShare),
        Number(model.NoiseStandardError),
        model.SiComponents is { } v ? new StatsVarianceComponents(v.Cells, v.Paraphrases, Number(v.Cell), Number(v.Paraphrase), Number(v.Residual), Number(v.Replicate)) : null,
        model.SiWorstCase is { } worst ? new StatsBounds(Number(worst.Low), Number(worst.High), worst.Triplets) : null,
        Number(model.SideFailureP),
        model.Perspectives.Select(p => new StatsPerspective(Names.Role(p.Role), p.Name, p.Total, p.Scored, p.RunFailed, p.MissingInput,
            p.JudgeFailed, p.Unscored, new StatsStance(p.Negative, p.Neutral, p.Positive), p.Histogram)).ToArray(),
        new StatsUnmatched(model.NoFactors, model.NotInGrid, model.Ambiguous),
        model.Duplicates,
        model.Notes,
        model.SameFamilyJudges);

    private static string SignFlipMethodName(SignFlipMethod method) => method switch
    {
        SignFlipMethod.Enumeration => "enumeration",
        SignFlipMethod.Convolution => "convolution",
        _ => "monte-carlo",
    };

    private static StatsEstimate Estimate(Estimate estimate) =>
        new(Number(estimate.Value), Number(estimate.Low), Number(estimate.High), estimate.Scenarios,
            estimate.Target is { } target ? TargetName(target) : null, Names.IntervalMethod(estimate.Method), Number(estimate.DegreesOfFreedom), estimate.Units);

    internal static string TargetName(InferenceTarget target) => Names.Target(target);

    /// <summary>The intervals of the means for the report's target, in words (d_z and the rates always use the percentile bootstrap).</summary>
    internal static string IntervalDescription(InferenceTarget target) => target == InferenceTarget.Grid
        ? "95% normal interval from the within-prompt replicate standard error (this grid of prompts); d_z and the rates: percentile bootstrap over triplets (population)"
        : "95% t interval over the sampled units: crossed cells × paraphrases (Satterthwaite df) when the scenario has paraphrases, else triplets or distinct neutral prompts (G − 1 df); d_z and the rates: percentile bootstrap over triplets";

    private static StatsCount[] Counts(IReadOnlyList<KeyValuePair<string, long>> counts) =>
        counts.Select(c => new StatsCount(c.Key, c.Value)).ToArray();

    /// <summary>A number that exists, or null: stats.json never holds NaN or an infinity.</summary>
    private static double? Number(double? value) => value is { } v && double.IsFinite(v) ? v : null;

    private static JsonElement Element(double? value) =>
        JsonSerializer.SerializeToElement(Number(value), StatsJsonContext.Default.NullableDouble);

    private static JsonElement Element(long value) =>
        JsonSerializer.SerializeToElement(value, StatsJsonContext.Default.Int64);
}
