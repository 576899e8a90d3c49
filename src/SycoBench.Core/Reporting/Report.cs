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
}

/// <summary>About the run and how the report was made.</summary>
public sealed record ReportMetadata
{
    public required string InputPath { get; init; }

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
