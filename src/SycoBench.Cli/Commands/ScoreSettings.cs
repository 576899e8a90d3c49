using SycoBench.Scoring;

namespace SycoBench.Cli.Commands;

public sealed class ScoreSettings : JudgingSettings
{
    [CommandOption("-i|--input <RUN_JSONL>")]
    [Description("The run.jsonl to score (default: the newest outputs/runs/*/run.jsonl).")]
    public string? Input { get; init; }

    [CommandOption("-o|--output <PATH>")]
    [Description("Where to write the scored rows (default: <input stem>_scored.jsonl beside the input).")]
    public string? Output { get; init; }

    [CommandOption("-s|--scorer-model|--scorer <ID>")]
    [Description("Judge model id (repeatable: a panel); offline:model.zip for a trained offline scorer. Default: LLM_SCORER_MODEL, then LLM_MODEL.")]
    public string[] Scorers { get; init; } = [];

    [CommandOption("--rerun")]
    [Description("Score rows again even when the output already has their score.")]
    public bool Rerun { get; init; }

    [CommandOption("--dry-run")]
    [Description("Call no judge (none needed, no key): write a stub record (error 'dry-run: scoring skipped') for every answer to judge, then the summary.")]
    public bool DryRun { get; init; }

    [CommandOption("--plan")]
    [Description("Say what would be scored; call nothing, write nothing.")]
    public bool Plan { get; init; }

    [CommandOption("--no-aggregate")]
    [Description("Do not write the per-model summary (run_scored.csv) after scoring.")]
    public bool NoAggregate { get; init; }

    [CommandOption("--blind")]
    [Description("The judge sees the neutral wording of the same scenario, never who asked.")]
    public bool Blind { get; init; }

    [CommandOption("--judge-repeats <K>")]
    [Description("Ask each judge K times per answer and record the spread (test-retest).")]
    [DefaultValue(1)]
    public int JudgeRepeats { get; init; } = 1;

    [CommandOption("--max-parse-failures <SHARE>")]
    [Description("Exit non-zero when more than this share of a perspective's judge replies has no number.")]
    [DefaultValue(ScoringOptions.DefaultMaxParseFailures)]
    public double MaxParseFailures { get; init; } = ScoringOptions.DefaultMaxParseFailures;

    [CommandOption("--max-cost <USD>")]
    [Description("Stop judging new answers before spending could pass this many US dollars (each judge call counted at its worst case); run again to continue.")]
    public double? MaxCost { get; init; }

    [CommandOption("--batch")]
    [Description("Send the judge calls through the judges' Batch API (OpenAI, Groq, the simulator) at the batch price, one batch per judge; replies come within the provider's window (24 h). The batches are recorded beside the output, so running the command again re-attaches to them instead of paying again.")]
    public bool Batch { get; init; }

    protected override ValidationResult ValidateOptions()
    {
        if (base.ValidateOptions() is { Successful: false } shared)
            return shared;
        if (Batch && DryRun)
            return ValidationResult.Error("--batch and --dry-run cannot be combined (a dry run calls no judge; see the batch plan with --batch --plan)");
        if (CostLimit.Check(MaxCost) is { Successful: false } invalid)
            return invalid;
        if (JudgeRepeats <= 0)
            return ValidationResult.Error($"--judge-repeats must be a positive integer (got {JudgeRepeats})");
        if (!(MaxParseFailures >= 0 && MaxParseFailures <= 1))
            return ValidationResult.Error($"--max-parse-failures must be a share between 0 and 1, e.g. 0.02 (got {MaxParseFailures})");
        return ValidationResult.Success();
    }
}
