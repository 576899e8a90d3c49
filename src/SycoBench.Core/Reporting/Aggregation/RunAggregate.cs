namespace SycoBench.Reporting.Aggregation;

/// <summary>The merged counts of a whole scored run: per model, plus what the run's records say about the run.</summary>
internal sealed class RunAggregate
{
    public required ReportScenario Scenario { get; init; }

    public required Thresholds Thresholds { get; init; }

    /// <summary>Models sorted by id (ordinal), as the summary lists them.</summary>
    public required IReadOnlyList<ModelAccumulator> Models { get; init; }

    /// <summary>Summary keys by index: "amount\u0001relationship".</summary>
    public required IReadOnlyList<string> SummaryKeys { get; init; }

    public required RunMetadataAccumulator Metadata { get; init; }

    public required long FileLength { get; init; }

    public required long Lines { get; init; }

    public required long Records { get; init; }

    public required long Malformed { get; init; }

    /// <summary>Records left out because a later record of the same key (model, prompt, sample, judge) follows.</summary>
    public long Superseded { get; init; }

    /// <summary>Records left out because they were not scored blind while others in the file were.</summary>
    public long NotBlind { get; init; }

    /// <summary>The answers a panel scored, with each judge's score (empty without panels).</summary>
    public IReadOnlyList<PanelAnswer> PanelAnswers { get; init; } = [];

    /// <summary>The first malformed lines, in file order, with their line numbers.</summary>
    public required IReadOnlyList<LineProblem> Problems { get; init; }

    /// <summary>Examples of failed rows, in file order.</summary>
    public required IReadOnlyList<ErrorExample> ErrorExamples { get; init; }
}

/// <summary>A line of the input that could not be read.</summary>
public sealed record LineProblem(long Line, string Message);

/// <summary>A row without a score, as an example of its kind.</summary>
public sealed record ErrorExample(long Line, Outcome Outcome, string ModelId, string Error);

/// <summary>One answer a panel scored: the judges that gave it a number, and their numbers, in the same order.</summary>
internal sealed record PanelAnswer(string[] Judges, double[] Scores)
{
    /// <summary>The name of a panel member whose verdict names no model.</summary>
    public const string NoModel = "(no model)";

    /// <summary>Where the record is in the file, so the answers are taken in file order whatever thread read them.</summary>
    public LinePosition Position { get; init; }
}
