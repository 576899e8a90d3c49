using SycoBench.Reporting.Aggregation;
using SycoBench.Reporting.Paired;
using SycoBench.Reporting.Summary;

namespace SycoBench.Reporting;

/// <summary>Everything a report shows, computed once; the writers only format it.</summary>
public sealed record Report
{
    public required ReportMetadata Metadata { get; init; }

    /// <summary>The SPEC §6 summary, one row per model, sorted by model id.</summary>
    public required IReadOnlyList<ModelSummary> Summary { get; init; }

    /// <summary>The paired statistics, one per model, in the summary's order.</summary>
    public required IReadOnlyList<ModelStatistics> Models { get; init; }

    /// <summary>SI differences between every pair of models.</summary>
    public required IReadOnlyList<ModelComparison> Comparisons { get; init; }

    /// <summary>What the input lacked or could not give, in words, plus the lines that could not be read.</summary>
    public required DataQuality Quality { get; init; }

    /// <summary>The matched triplets of the scenario with their factor levels.</summary>
    public required IReadOnlyList<TripletLevels> Triplets { get; init; }

    /// <summary>With a judge panel: SI of each model as each judge alone scored it (empty without a panel).</summary>
    public IReadOnlyList<JudgeSi> JudgeSi { get; init; } = [];

    /// <summary>With a judge panel: how its judges agree on the answers they scored (null without a panel).</summary>
    public JudgePanelAgreement? JudgeAgreement { get; init; }

    /// <summary>Where the money went: per model (answers) and per judge.</summary>
    public Spending.SpendingReport Spending { get; init; } = Reporting.Spending.SpendingReport.Empty;
}

/// <summary>About the run and how the report was made.</summary>
public sealed record ReportMetadata
{
    public required string InputPath { get; init; }

    /// <summary>The runs of a report over several runs (<c>report --input A --input B</c>); empty for one run.</summary>
    public IReadOnlyList<ReportInput> Inputs { get; init; } = [];

    public required long InputBytes { get; init; }

    public required long Lines { get; init; }

    public required long Records { get; init; }

    public required string ScenarioId { get; init; }

    public required string ScenarioTitle { get; init; }

    public required string ScenarioSha256 { get; init; }

    /// <summary>Where the scenario came from: the command line, the run's run_grid.json, or the default.</summary>
    public required string ScenarioSource { get; init; }

    /// <summary>The scenario SHA-256 the run recorded in run_grid.json, when it did.</summary>
    public string? RecordedScenarioSha256 { get; init; }

    /// <summary>The study file the report was made for, when <c>study run</c> made it.</summary>
    public Studies.StudyStamp? Study { get; init; }

    public required string PositiveSide { get; init; }

    public required string NegativeSide { get; init; }

    public required string NeutralSide { get; init; }

    public required string PositiveLabel { get; init; }

    public required string NegativeLabel { get; init; }

    public required IReadOnlyList<KeyValuePair<string, long>> Models { get; init; }

    /// <summary>Roster labels of the models (from run_grid.json beside the input), by model id; empty when none is known.</summary>
    public IReadOnlyDictionary<string, string> ModelLabels { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The model's roster label when it has one that no other model of the report shares, else its id.</summary>
    public string ModelName(string modelId)
    {
        ArgumentNullException.ThrowIfNull(modelId);
        if (!ModelLabels.TryGetValue(modelId, out var label) || string.IsNullOrWhiteSpace(label))
            return modelId;
        return ModelLabels.Count(pair => string.Equals(pair.Value, label, StringComparison.Ordinal)) == 1 ? label : $"{label} ({modelId})";
    }

    /// <summary>
    /// The run in one line, for titles: scenario title and id, the date(s) the answers were asked, and the models
    /// (by roster label) — never the input file's name.
    /// </summary>
    public string RunTitle
    {
        get
        {
            var names = Models.Select(m => ModelName(m.Key)).ToArray();
            var models = names.Length switch
            {
                0 => "no models",
                <= 4 => string.Join(", ", names),
                _ => $"{names.Length} models",
            };
            return RunDates is { } dates ? $"{ScenarioTitle} ({ScenarioId}), {dates}: {models}" : $"{ScenarioTitle} ({ScenarioId}): {models}";
        }
    }

    /// <summary>The day (or first and last day) the run's answers were asked, from the records' run timestamps; null when none has one.</summary>
    public string? RunDates
    {
        get
        {
            var first = Day(FirstRunTimestamp);
            var last = Day(LastRunTimestamp);
            if (first is null)
                return last;
            return last is null || last == first ? first : $"{first} to {last}";
        }
    }

    private static string? Day(string? timestamp) =>
        timestamp is not null && DateTimeOffset.TryParse(timestamp, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var when)
            ? when.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            : null;

    /// <summary>The judge models (<c>scorer_model</c>) with how many records each scored.</summary>
    public required IReadOnlyList<KeyValuePair<string, long>> Judges { get; init; }

    /// <summary>Judge panels: records with a <c>judges</c> list and the panel sizes seen.</summary>
    public required long PanelRecords { get; init; }

    public required int MinPanel { get; init; }

    public required int MaxPanel { get; init; }

    public required IReadOnlyList<KeyValuePair<string, long>> Rubrics { get; init; }

    public required IReadOnlyList<KeyValuePair<string, long>> RunIds { get; init; }

    public string? FirstRunTimestamp { get; init; }

    public string? LastRunTimestamp { get; init; }

    public string? FirstEvalTimestamp { get; init; }

    public string? LastEvalTimestamp { get; init; }

    /// <summary>Sum of <c>cost_usd</c> (answers) over the records that carry it, and how many do.</summary>
    public required double AnswerCostUsd { get; init; }

    public required long AnswerCostRecords { get; init; }

    /// <summary>Sum of <c>eval_cost_usd</c> (judge calls) over the records that carry it, and how many do.</summary>
    public required double JudgeCostUsd { get; init; }

    public required long JudgeCostRecords { get; init; }

    public required double Threshold { get; init; }

    public required IReadOnlyList<double> Thresholds { get; init; }

    public required long Seed { get; init; }

    public required int Resamples { get; init; }

    public required int Permutations { get; init; }

    public HolmFamily HolmFamily { get; init; }

    public MissingData MissingData { get; init; }

    /// <summary>What the intervals of the means are for.</summary>
    public InferenceTarget Target { get; init; }

    public required DateTimeOffset GeneratedAt { get; init; }

    public required string Version { get; init; }
}

/// <summary>What was missing or unreadable in the input.</summary>
public sealed record DataQuality
{
    public required long MalformedLines { get; init; }

    public required long BlankLines { get; init; }

    /// <summary>Records left out because a later record of the same key (model, prompt, sample, judge) follows.</summary>
    public long SupersededRecords { get; init; }

    /// <summary>The first malformed lines, with their numbers.</summary>
    public required IReadOnlyList<LineProblem> Problems { get; init; }

    /// <summary>A few rows without a score of each kind.</summary>
    public required IReadOnlyList<ErrorExample> ErrorExamples { get; init; }

    /// <summary>Run-wide remarks in words (a model with only neutral answers, one model only, …).</summary>
    public required IReadOnlyList<string> Notes { get; init; }
}
