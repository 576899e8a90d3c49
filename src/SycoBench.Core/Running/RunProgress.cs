using System.Collections.Concurrent;
using SycoBench.Models.Pipeline;

namespace SycoBench.Running;

/// <summary>The live state of a run for displays: one tally per model, plus retries reported by the pipelines.</summary>
public sealed class RunProgress(RunLog log, TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, ModelTally> _tallies = new(StringComparer.Ordinal);
    private readonly List<ModelTally> _ordered = [];
    private readonly Lock _gate = new();

    public DateTimeOffset StartedAt { get; private set; } = timeProvider.GetUtcNow();

    public TimeProvider TimeProvider => timeProvider;

    public IReadOnlyList<ModelTally> Models
    {
        get
        {
            lock (_gate)
                return _ordered.ToArray();
        }
    }

    /// <summary>The plan's estimate of each model (by id), handed to its tally for the closing comparison.</summary>
    public IReadOnlyDictionary<string, CostEstimate> Estimates { get; set; } = new Dictionary<string, CostEstimate>();

    public ModelTally Add(string modelId, string label, int total, int alreadyDone)
    {
        var tally = new ModelTally(modelId, label, total, alreadyDone) { Estimate = Estimates.GetValueOrDefault(modelId) };
        _tallies[modelId] = tally;
        lock (_gate)
            _ordered.Add(tally);
        return tally;
    }

    public void Start() => StartedAt = timeProvider.GetUtcNow();

    /// <summary>Called by the pipelines for every retry: counted per model and written to run.log.</summary>
    public void OnRetry(ModelRetry retry)
    {
        ArgumentNullException.ThrowIfNull(retry);
        if (_tallies.TryGetValue(retry.ModelId, out var tally))
            tally.AddRetry();
        log.Warn($"retry {retry.Attempt} of {retry.ModelId} {retry.RequestLabel}: {retry.Reason}; waiting {retry.Delay.TotalSeconds:0.0} s");
    }

    /// <summary>Called by a pipeline when a model starts waiting on a limit its provider announced: shown and logged.</summary>
    public void OnRateLimitWait(ModelRateLimitWait wait)
    {
        ArgumentNullException.ThrowIfNull(wait);
        if (_tallies.TryGetValue(wait.ModelId, out var tally))
            tally.WaitUntil(wait.Until);
        log.Info($"{wait.ModelId} waits {wait.Wait.TotalSeconds:0.0} s on its provider's rate limit ({wait.Reason})");
    }

    /// <summary>How long the model still waits on its provider's rate limit, or null when it does not.</summary>
    public TimeSpan? RateLimitWait(ModelTally tally)
    {
        ArgumentNullException.ThrowIfNull(tally);
        var left = tally.WaitingUntil is { } until ? until - timeProvider.GetUtcNow() : TimeSpan.Zero;
        return left > TimeSpan.Zero ? left : null;
    }

    /// <summary>Estimated time left for a model at its pace so far, or null before its first answer.</summary>
    public TimeSpan? EstimatedTimeLeft(ModelTally tally)
    {
        ArgumentNullException.ThrowIfNull(tally);
        var done = tally.Done;
        if (done == 0)
            return null;
        var elapsed = timeProvider.GetUtcNow() - StartedAt;
        return elapsed / done * (tally.Total - done);
    }
}
