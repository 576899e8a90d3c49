using SycoBench.Models;
using SycoBench.Records;

namespace SycoBench.Running;

/// <summary>Everything a run needs to start asking: what, whom, how, where to write, and what is already done.</summary>
public sealed record RunPlan
{
    public required long RunId { get; init; }

    public required IReadOnlyList<GridPrompt> Prompts { get; init; }

    public required IReadOnlyList<ModelRoute> Models { get; init; }

    public required RunParameters Parameters { get; init; }

    public required string RunJsonlPath { get; init; }

    public RunState State { get; init; } = RunState.Empty;

    /// <summary>Ask again the keys whose latest record is a failure.</summary>
    public bool RetryErrors { get; init; }

    /// <summary>Stop sending new requests once this much has been spent (cached answers cost nothing).</summary>
    public double? MaxCostUsd { get; init; }

    /// <summary>Counts prompt tokens for the cost limit's worst case of each request.</summary>
    public Costs.PromptTokenCounter Tokens { get; init; } = new();

    /// <summary>Keys of one model this run has to ask, in the order it asks them (all prompts once, then again per sample).</summary>
    public IEnumerable<(GridPrompt Prompt, int Sample)> WorkFor(ModelRoute route)
    {
        ArgumentNullException.ThrowIfNull(route);
        for (var sample = 0; sample < Parameters.Samples; sample++)
        {
            foreach (var prompt in Prompts)
            {
                var key = new RunKey(route.Model.Id, prompt.PromptId, sample);
                if (!InShard(key) || State.Succeeded(key) || (State.Failed(key) && !RetryErrors))
                    continue;
                yield return (prompt, sample);
            }
        }
    }

    /// <summary>Keys whose latest record is a failure and that this run leaves alone (no --retry-errors).</summary>
    public int FailuresLeftAlone() =>
        RetryErrors ? 0 : Models.Sum(route => Enumerable.Range(0, Parameters.Samples)
            .Sum(sample => Prompts.Count(p => InShard(new RunKey(route.Model.Id, p.PromptId, sample)) && State.Failed(new RunKey(route.Model.Id, p.PromptId, sample)))));

    public int AlreadyAnswered(ModelRoute route)
    {
        ArgumentNullException.ThrowIfNull(route);
        var answered = 0;
        for (var sample = 0; sample < Parameters.Samples; sample++)
            answered += Prompts.Count(p => InShard(new RunKey(route.Model.Id, p.PromptId, sample)) && State.Succeeded(new RunKey(route.Model.Id, p.PromptId, sample)));
        return answered;
    }

    /// <summary>Whether a key is this run's to ask: every key, or with <c>--shard I/N</c> the keys of part I.</summary>
    public bool InShard(RunKey key) => Parameters.Shard?.Contains(key) ?? true;
}
