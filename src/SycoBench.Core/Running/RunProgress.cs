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

    public ModelTally Add(string modelId, string label, int total, int alreadyDone)
    {
        var tally = new ModelTally(modelId, label, total, alreadyDone);
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
