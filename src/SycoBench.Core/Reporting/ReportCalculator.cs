using System.Globalization;
using System.Reflection;
using SycoBench.Reporting.Aggregation;
using SycoBench.Reporting.Paired;
using SycoBench.Reporting.Summary;
using SycoBench.Statistics;

namespace SycoBench.Reporting;

/// <summary>Turns the counts of a run into a <see cref="Report"/>: the summary, each model's statistics, the comparisons.</summary>
internal static class ReportCalculator
{
    public static Report Calculate(RunAggregate run, ReportOptions options, DateTimeOffset generatedAt)
    {
        var bootstrap = new Bootstrap(options.Resamples, options.Seed);
        var asked = AskedTriplets(run);
        var calculator = new PairedStatisticsCalculator(run.Scenario, run.Thresholds, bootstrap, options.Permutations, asked, options.MissingData, options.Target);
        var work = new ModelWork[run.Models.Count];
        Parallel.For(0, run.Models.Count, i => work[i] = calculator.Compute(run.Models[i]));

        var rawComparisons = ModelComparer.CompareAll(work, new IntervalMaker(run.Scenario, options.Target), bootstrap.Seed, options.Permutations);
        var (modelHolm, comparisonHolm) = Holm(
            work.Select(w => w.Statistics.SycophancyP ?? double.NaN).ToArray(),
            rawComparisons.Select(c => c.PValue ?? double.NaN).ToArray(),
            options.HolmFamily);
        var models = work.Select((w, i) => w.Statistics with { SycophancyPHolm = Estimate.Finite(modelHolm[i]) }).ToArray();
        var recorded = run.Models.ToDictionary(m => m.ModelId, m => m.RecordedModelId, StringComparer.Ordinal);
        var comparisons = rawComparisons.Select((c, i) => c with
        {
            PValueHolm = Estimate.Finite(comparisonHolm[i]),
            SameModel = c.ModelA != c.ModelB && recorded[c.ModelA] == recorded[c.ModelB] ? recorded[c.ModelA] : null,
        }).ToArray();
        // Models with no matched record (SamplesPerPrompt 0) say nothing about samples; their notes say why.
        var singleSample = models.Any(m => m.SamplesPerPrompt == 1) && models.All(m => m.SamplesPerPrompt <= 1);
        if (singleSample)
        {
            // Said once for the run rather than once per model.
            models = models.Select(m => m with { Notes = m.Notes.Where(n => !n.StartsWith(ModelNotes.OneSample, StringComparison.Ordinal)).ToArray() }).ToArray();
        }

        var summary = run.Models.Select(m => SummaryCalculator.Summarise(m, run.Thresholds)).ToArray();

        return new Report
        {
            Metadata = Metadata(run, options, generatedAt),
            Summary = summary,
            Models = models,
            Comparisons = comparisons,
            Quality = Quality(run, options, models, singleSample, asked),
            Triplets = run.Scenario.Triplets,
            Spending = Spending.SpendingCalculator.Calculate(run.Models, run.Metadata.Spending, options.PricesReadOn),
            JudgeSi = run.PanelAnswers.Count > 0 ? JudgePanelCalculator.PerJudge(run.Models, calculator) : [],
            JudgeAgreement = JudgePanelCalculator.Agreement(run.PanelAnswers),
        };
    }

    private static ReportMetadata Metadata(RunAggregate run, ReportOptions options, DateTimeOffset generatedAt)
    {
        var scenario = run.Scenario.Scenario;
        var meta = run.Metadata;
        return new ReportMetadata
        {
            InputPath = options.Inputs.Count > 1 ? string.Join(", ", options.Inputs.Select(i => i.Path)) : options.InputPath,
            Inputs = options.Inputs.Count > 1 ? options.Inputs : [],
            InputBytes = run.FileLength,
            Lines = run.Lines,
            Records = run.Records,
            ScenarioId = scenario.Id,
            ScenarioTitle = scenario.Title,
            ScenarioSha256 = scenario.Sha256,
            ScenarioSource = options.ScenarioSource,
            RecordedScenarioSha256 = options.RecordedScenarioSha256,
            Study = options.Study,
            PositiveSide = run.Scenario.PositiveName,
            NegativeSide = run.Scenario.NegativeName,
            NeutralSide = run.Scenario.NeutralName,
            PositiveLabel = scenario.Axis.PositiveLabel,
            NegativeLabel = scenario.Axis.NegativeLabel,
            Models = run.Models.Select(m => new KeyValuePair<string, long>(m.ModelId, m.Records)).ToArray(),
            ModelLabels = run.Models.Where(m => options.ModelLabels.ContainsKey(m.ModelId))
                .ToDictionary(m => m.ModelId, m => options.ModelLabels[m.ModelId], StringComparer.Ordinal),
            Judges = meta.Judges.ToList(),
            PanelRecords = meta.PanelRecords,
            MinPanel = meta.PanelRecords > 0 ? meta.MinPanel : 0,
            MaxPanel = meta.MaxPanel,
            Rubrics = meta.Rubrics.ToList(),
            RunIds = meta.RunIds.ToList(),
            FirstRunTimestamp = RunMetadataAccumulator.Text(meta.FirstRunTimestamp),
            LastRunTimestamp = RunMetadataAccumulator.Text(meta.LastRunTimestamp),
            FirstEvalTimestamp = RunMetadataAccumulator.Text(meta.FirstEvalTimestamp),
            LastEvalTimestamp = RunMetadataAccumulator.Text(meta.LastEvalTimestamp),
            AnswerCostUsd = meta.Cost.Value,
            AnswerCostRecords = meta.Cost.Count,
            JudgeCostUsd = meta.EvalCost.Value,
            JudgeCostRecords = meta.EvalCost.Count,
            Threshold = run.Thresholds.Summary,
            Thresholds = run.Thresholds.Values,
            Seed = options.Seed,
            Resamples = options.Resamples,
            Permutations = options.Permutations,
            HolmFamily = options.HolmFamily,
            MissingData = options.MissingData,
            Target = options.Target,
            GeneratedAt = generatedAt,
            Version = typeof(ReportCalculator).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0] ?? "unknown",
        };
    }

    /// <summary>
    /// Holm's correction of the models' SI p-values and the comparisons' p-values, as two families (m = models, m = pairs)
    /// or as one (m = models + pairs).
    /// </summary>
    internal static (double[] Models, double[] Comparisons) Holm(double[] models, double[] comparisons, HolmFamily family)
    {
        if (family == HolmFamily.Separate)
            return (PValueAdjustment.Holm(models), PValueAdjustment.Holm(comparisons));
        var joint = PValueAdjustment.Holm([.. models, .. comparisons]);
        return (joint[..models.Length], joint[models.Length..]);
    }

    /// <summary>The triplets the run asked: those that at least one model has a matched record of, scored or not.</summary>
    private static bool[] AskedTriplets(RunAggregate run)
    {
        var asked = new bool[run.Scenario.Triplets.Count];
        foreach (var model in run.Models)
        {
            for (var k = 0; k < asked.Length; k++)
                asked[k] |= model.Asked[k];
        }

        return asked;
    }

    private static DataQuality Quality(RunAggregate run, ReportOptions options, ModelStatistics[] models, bool singleSample, bool[] asked)
    {
        var notes = new List<string>(options.ScenarioWarnings);
        if (singleSample)
            notes.Add(ModelNotes.OneSample + " for every model: no noise floor (it needs at least 2 samples of each prompt)");
        var scenario = run.Scenario;
        var askedCount = asked.Count(a => a);
        if (askedCount > 0 && askedCount < asked.Length)
            notes.Add(Invariant($"the run asked {askedCount} of the {asked.Length} triplets of scenario {scenario.Scenario.Id} (a sampled or limited grid): every statistic is over those {askedCount}, and the rest are not counted as missing"));
        notes.AddRange(ConstantJudges(run.Metadata));
        if (run.Malformed > 0)
        {
            var first = run.Problems.Count > 0 ? $" (first: line {run.Problems[0].Line}: {run.Problems[0].Message})" : "";
            notes.Add($"{Words.Count(run.Malformed, "line")} could not be read and {(run.Malformed == 1 ? "was" : "were")} left out{first}");
        }

        if (run.NotBlind > 0)
            notes.Add($"{Words.Count(run.NotBlind, "record")} scored with the asker's messages visible left out: the file holds blind scores (the judge saw the neutral wording of the triplet), and every statistic uses those");
        if (run.Superseded > 0)
            notes.Add($"{Words.Count(run.Superseded, "record")} superseded by a later record of the same key (model, prompt, sample, judge): only the latest of each key is counted");

        if (models.Length == 1)
            notes.Add("only one model: there are no model comparisons");
        foreach (var model in models)
        {
            var sides = model.Perspectives.Where(p => p.Role is Role.Positive or Role.Negative).Sum(p => p.Scored);
            var neutral = model.Perspectives.Where(p => p.Role == Role.Neutral).Sum(p => p.Scored);
            if (sides == 0 && neutral > 0)
                notes.Add($"{model.ModelId} has only {scenario.NeutralName} answers: its SI cannot be computed, only its baseline");
            else if (sides == 0 && neutral == 0)
                notes.Add($"{model.ModelId} has no scored answer in a known perspective: nothing but n can be computed");
        }

        var noFactors = models.Sum(m => m.NoFactors);
        if (noFactors > 0)
            notes.Add($"{Words.Count(noFactors, "record")} without factors: counted in n only, left out of every statistic");
        var notInGrid = models.Sum(m => m.NotInGrid);
        if (notInGrid > 0)
            notes.Add(Invariant($"{Words.Count(notInGrid, "record")} match no prompt of scenario {scenario.Scenario.Id} (sha256 {scenario.Scenario.Sha256[..12]}): left out of the paired statistics; is it the run's scenario?"));
        var ambiguous = models.Sum(m => m.Ambiguous);
        if (ambiguous > 0)
            notes.Add(Invariant($"{Words.Count(ambiguous, "record")} fit several prompts and their prompt id tells none apart: left out of the paired statistics"));
        if (run.Metadata.Judges.ToList().Count == 0)
            notes.Add("no record names its judge (scorer_model)");

        return new DataQuality
        {
            MalformedLines = run.Malformed,
            BlankLines = Math.Max(0, run.Lines - run.Records - run.Malformed - run.Superseded - run.NotBlind),
            SupersededRecords = run.Superseded,
            Problems = run.Problems,
            ErrorExamples = run.ErrorExamples,
            Notes = notes,
        };
    }

    /// <summary>Judges that gave one and the same score to every answer (at least <see cref="ConstantJudgeMinimum"/>): their scores carry no information.</summary>
    private static IEnumerable<string> ConstantJudges(RunMetadataAccumulator metadata) =>
        metadata.JudgeScores
            .Where(j => j.Value.Count >= ConstantJudgeMinimum && j.Value.Min == j.Value.Max)
            .Select(j => (Name: j.Key.Length == 0 ? "(no scorer_model)" : System.Text.Encoding.UTF8.GetString(j.Key), j.Value))
            .OrderBy(j => j.Name, StringComparer.Ordinal)
            .Select(j => Invariant($"judge {j.Name} gave the same score ({j.Value.Min:0.###}) to all {j.Value.Count} answers it scored: a constant judge measures nothing; check its replies and rubric"));

    public const int ConstantJudgeMinimum = 3;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
