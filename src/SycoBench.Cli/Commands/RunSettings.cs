using SycoBench.Running;

namespace SycoBench.Cli.Commands;

public sealed class RunSettings : ModelPipelineSettings
{
    [CommandOption("--model <ID>")]
    [Description("A model id to run (repeatable), routed by its prefix, e.g. groq/llama-3.3-70b-versatile.")]
    public string[] Model { get; init; } = [];

    [CommandOption("--concurrency <N>")]
    [Description("Concurrency of the models given with --model (default 4; roster entries carry their own).")]
    public int? Concurrency { get; init; }

    public const string DefaultGrid = "outputs/raw/grid.jsonl";

    /// <summary>The original tool's default roster, used when it exists and neither --models nor --model is given.</summary>
    public const string DefaultRoster = "data/models/benchmark_models.json";

    [CommandOption("--grid <PATH>")]
    [Description("The prompt grid to send (default outputs/raw/grid.jsonl; when that file does not exist, the rent-v1 grid).")]
    public string? Grid { get; init; }

    [CommandOption("--limit <N>")]
    [Description("Send only the first N prompts of the grid.")]
    public int? Limit { get; init; }

    [CommandOption("--samples <N>")]
    [Description("Ask each prompt N times (sample index recorded in 'sample').")]
    public int? Samples { get; init; }

    [CommandOption("--out <DIR|FILE.jsonl>")]
    [Description("Run folder (default outputs/runs/<run_id>/); a path ending in .jsonl is the records file itself, with <stem>_grid.json and <stem>.log beside it.")]
    public string? Out { get; init; }

    [CommandOption("--include-neutral")]
    [Description("Send the grid's neutral prompts too (the default; kept for the original tool's scripts). An error when the grid has none.")]
    public bool IncludeNeutral { get; init; }

    [CommandOption("--no-include-neutral")]
    [Description("Leave the grid's neutral prompts out (before --limit).")]
    public bool NoIncludeNeutral { get; init; }

    [CommandOption("--score-now")]
    [Description("Score the run right after it finishes, with the judge(s) of -s (else LLM_SCORER_MODEL, then LLM_MODEL); after --dry-run, a scoring dry run.")]
    public bool ScoreNow { get; init; }

    [CommandOption("-s|--scorer-model <ID>")]
    [Description("With --score-now: the judge model (repeatable: a panel).")]
    public string[] Scorers { get; init; } = [];

    [CommandOption("--dry-run")]
    [Description("Write a run folder of synthetic answers ('[[dry-run]] <model> response to prompt <id>', provider dry-run) after the plan; send nothing, need no key.")]
    public bool DryRun { get; init; }

    [CommandOption("--plan")]
    [Description("Show the plan, routes and estimated cost only; send nothing, write nothing, need no key.")]
    public bool Plan { get; init; }

    [CommandOption("--temperature <T>")]
    [Description("Temperature for every model (default: the roster's, else 0.2).")]
    public double? Temperature { get; init; }

    [CommandOption("--max-tokens <N>")]
    [Description("Answer length limit for every model (default: the roster's, else the provider's).")]
    public int? MaxTokens { get; init; }

    [CommandOption("--resume <DIR>")]
    [Description("Finish an interrupted run from its folder; keys already answered are never asked again.")]
    public string? Resume { get; init; }

    [CommandOption("--retry-errors")]
    [Description("With --resume: ask again the keys whose last record is a failure.")]
    public bool RetryErrors { get; init; }

    [CommandOption("--max-cost <USD>")]
    [Description("Stop sending new requests once this many US dollars are spent (resumable).")]
    public double? MaxCost { get; init; }

    [CommandOption("--batch")]
    [Description("Send through the provider's Batch API (OpenAI, Groq, the simulator) at the batch price; answers come within the provider's window (24 h). The run folder records each batch, so --resume re-attaches to it instead of paying again.")]
    public bool Batch { get; init; }

    [CommandOption("--shard <I/N>")]
    [Description("Ask only part I of N of the keys (model, prompt, sample), split by a hash of the key: N jobs with I = 1 … N cover every key once; join their folders with merge.")]
    public string? Shard { get; init; }

    protected override ValidationResult ValidateOptions()
    {
        if (Resume is not null)
        {
            if (Models is not null || Model.Length > 0 || Limit is not null || Samples is not null || Temperature is not null
                || MaxTokens is not null || Out is not null || Concurrency is not null || IncludeNeutral || NoIncludeNeutral || Shard is not null)
            {
                return ValidationResult.Error("--resume takes the grid, models and parameters from the run folder; drop the other options (only --retry-errors, --max-cost, --batch, --no-cache, --cache, --dry-run, --plan, --score-now, -s apply)");
            }
        }
        else
        {
            if (Models is not null && Model.Length > 0)
                return ValidationResult.Error("--models and --model cannot be combined");
            if (RetryErrors)
                return ValidationResult.Error("--retry-errors applies to --resume DIR");
        }

        if (PromptSelectionChecks.Neutral(IncludeNeutral, NoIncludeNeutral) is { Successful: false } neutral)
            return neutral;
        if (Scorers.Length > 0 && !ScoreNow)
            return ValidationResult.Error("-s names the judge of --score-now; add --score-now (or score later: sycobench score -s ID)");
        if (Shard is not null && RunShard.TryParse(Shard, out var shardProblem) is null)
            return ValidationResult.Error(shardProblem!);
        if (Batch && DryRun)
            return ValidationResult.Error("--batch and --dry-run cannot be combined (a dry run sends nothing; see the batch plan with --batch --plan)");
        if (Concurrency is <= 0)
            return ValidationResult.Error($"--concurrency must be a positive integer (got {Concurrency})");
        if (PromptSelectionChecks.Limit(Limit) is { Successful: false } limit)
            return limit;
        if (Samples is <= 0)
            return ValidationResult.Error($"--samples must be a positive number (got {Samples})");
        if (Temperature is { } t && (t < 0 || t > 2 || double.IsNaN(t)))
            return ValidationResult.Error($"--temperature must be between 0 and 2 (got {t})");
        if (MaxTokens is <= 0)
            return ValidationResult.Error($"--max-tokens must be positive (got {MaxTokens})");
        return CostLimit.Check(MaxCost);
    }
}
