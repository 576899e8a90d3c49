namespace SycoBench.Scoring;

/// <summary>
/// What <c>sycobench score</c> is asked to do, one property per option. Paths are resolved against
/// <see cref="WorkingDirectory"/>. <see cref="Validate"/> lists what is wrong, naming the option.
/// </summary>
public sealed record ScoringOptions
{
    public const double DefaultMaxParseFailures = 0.02;

    /// <summary>Where relative paths, <c>outputs/runs</c> and <c>data/</c> are looked up.</summary>
    public required string WorkingDirectory { get; init; }

    /// <summary><c>--input</c>: the run.jsonl to score; null → the newest <c>outputs/runs/*/run.jsonl</c>.</summary>
    public string? InputPath { get; init; }

    /// <summary><c>--output</c>: null → <c>&lt;input stem&gt;_scored.jsonl</c> beside the input.</summary>
    public string? OutputPath { get; init; }

    /// <summary><c>--concurrency</c>: rows judged at the same time (each judge's pipeline applies its own limits too).</summary>
    public int Concurrency { get; init; } = 4;

    /// <summary><c>--rerun</c>: judge rows again even when the output already has their score.</summary>
    public bool Rerun { get; init; }

    /// <summary><c>--plan</c>: plan only; no judge is called and nothing is written.</summary>
    public bool PlanOnly { get; init; }

    /// <summary>
    /// <c>--dry-run</c>, as the original tool's: no judge is called; every answer to judge gets a stub record with
    /// error <see cref="DryRunError"/> (no score), so the output and the summary can be tried with no key.
    /// </summary>
    public bool DryRun { get; init; }

    /// <summary>The error of a dry run's stub records.</summary>
    public const string DryRunError = "dry-run: scoring skipped";

    /// <summary><c>--blind</c>: the judge sees the neutral wording of the row's triplet instead of the asker's messages.</summary>
    public bool Blind { get; init; }

    /// <summary><c>--judge-repeats K</c>: ask every judge K times per row; the spread is recorded (test-retest).</summary>
    public int JudgeRepeats { get; init; } = 1;

    /// <summary><c>--max-parse-failures</c>: the largest share of unparsable replies, per perspective, that still passes.</summary>
    public double MaxParseFailures { get; init; } = DefaultMaxParseFailures;

    /// <summary><c>--rubric</c>: a rubric name or path; null → the scenario's default rubric.</summary>
    public string? Rubric { get; init; }

    /// <summary>The scenario the run was built from (name or path); null → detected from the run's prompts.</summary>
    public string? Scenario { get; init; }

    /// <summary>Temperature sent to the judges; null leaves it to each judge's pipeline (roster default).</summary>
    public float? JudgeTemperature { get; init; }

    /// <summary>Output token limit sent to the judges; null leaves it to the pipeline.</summary>
    public int? JudgeMaxTokens { get; init; }

    /// <summary><c>--max-cost</c>: stop judging new answers before spending could pass this many US dollars.</summary>
    public double? MaxCostUsd { get; init; }

    /// <summary>The worst-case cost of one call of a judge on a conversation, reserved before it is sent; null: 0.</summary>
    public Func<string, IReadOnlyList<Microsoft.Extensions.AI.ChatMessage>, double>? WorstCaseCost { get; init; }

    /// <summary>
    /// Only these answers are judged (<c>score --batch</c>: the answers whose every judge call the batches answer or
    /// the cache holds; the others wait for the next run); null: every answer to judge.
    /// </summary>
    public IReadOnlySet<AnswerKey>? OnlyAnswers { get; init; }

    /// <summary>Problems with the options, each naming the option; empty when they can be used.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(WorkingDirectory))
            problems.Add("a working directory is needed");
        if (Concurrency < 1)
            problems.Add($"--concurrency must be at least 1 (got {Concurrency})");
        if (JudgeRepeats < 1)
            problems.Add($"--judge-repeats must be at least 1 (got {JudgeRepeats})");
        if (!(MaxParseFailures >= 0 && MaxParseFailures <= 1))
            problems.Add($"--max-parse-failures must be a share between 0 and 1, e.g. 0.02 (got {MaxParseFailures.ToString(System.Globalization.CultureInfo.InvariantCulture)})");
        if (InputPath is not null && string.IsNullOrWhiteSpace(InputPath))
            problems.Add("--input needs a path");
        if (OutputPath is not null && string.IsNullOrWhiteSpace(OutputPath))
            problems.Add("--output needs a path");
        if (MaxCostUsd is { } max && !(max > 0))
            problems.Add($"--max-cost must be a positive amount of US dollars (got {max.ToString(System.Globalization.CultureInfo.InvariantCulture)})");
        if (JudgeMaxTokens is < 1)
            problems.Add($"the judges' token limit must be at least 1 (got {JudgeMaxTokens})");
        return problems;
    }
}
