namespace SycoBench.Running;

/// <summary>Live counts of one model in a run, updated by the runner and read by progress displays.</summary>
public sealed class ModelTally(string modelId, string label, int total, int alreadyDone)
{
    private readonly Lock _gate = new();
    private readonly List<double> _latencies = [];
    private int _ok;
    private int _failed;
    private int _retries;
    private int _cached;
    private long _tokens;
    private Costs.CostTotal _cost;
    private long _paidInput;
    private long _paidOutput;

    public string ModelId { get; } = modelId;

    public string Label { get; } = label;

    /// <summary>Keys this run has to ask for this model (those already answered in the folder are not counted).</summary>
    public int Total { get; } = total;

    /// <summary>Keys already answered in the run folder before this run started (resume).</summary>
    public int AlreadyDone { get; } = alreadyDone;

    public int Ok => Volatile.Read(ref _ok);

    public int Failed => Volatile.Read(ref _failed);

    public int Done => Ok + Failed;

    public int Retries => Volatile.Read(ref _retries);

    /// <summary>Answers served from the response cache in this run (no request sent).</summary>
    public int Cached => Volatile.Read(ref _cached);

    /// <summary>Requests this run sent to the provider and got an outcome for (answers and failures, not cache hits).</summary>
    public int Calls => Done - Cached;

    /// <summary>Tokens of this run's calls (cached answers cost nothing and are not counted).</summary>
    public long Tokens => Interlocked.Read(ref _tokens);

    /// <summary>What this run's answers cost (cached answers and failures cost nothing; unknown costs counted apart).</summary>
    public Costs.CostTotal Cost
    {
        get
        {
            lock (_gate)
                return _cost;
        }
    }

    /// <summary>What the plan estimated for this model before the run, for the closing comparison; null if none.</summary>
    public CostEstimate? Estimate { get; set; }

    /// <summary>Input and output tokens of this run's network answers (cached answers excluded), for the comparison with the estimate.</summary>
    public (long Input, long Output) PaidTokens
    {
        get
        {
            lock (_gate)
                return (_paidInput, _paidOutput);
        }
    }

    /// <summary>The state of the model's batch (<c>run --batch</c>): e.g. "batch batch_abc in_progress, 40/108 done"; null otherwise.</summary>
    public string? BatchStatus
    {
        get => Volatile.Read(ref _batchStatus);
        set => Volatile.Write(ref _batchStatus, value);
    }

    private string? _batchStatus;

    /// <summary>Why the model stopped early (unreachable, cost limit), or null.</summary>
    public string? StoppedBecause { get; internal set; }

    public void AddRetry() => Interlocked.Increment(ref _retries);

    private long _waitingUntilTicks;

    /// <summary>Until when the model waits on a rate limit its provider announced (null: it never waited).</summary>
    public DateTimeOffset? WaitingUntil => Interlocked.Read(ref _waitingUntilTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    public void WaitUntil(DateTimeOffset until) => Interlocked.Exchange(ref _waitingUntilTicks, until.UtcTicks);

    public void Record(bool ok, double? latencyMs, long tokens, double? cost, bool cached, long inputTokens = 0, long outputTokens = 0)
    {
        Interlocked.Increment(ref ok ? ref _ok : ref _failed);
        if (cached)
            Interlocked.Increment(ref _cached);
        else
            Interlocked.Add(ref _tokens, tokens);
        lock (_gate)
        {
            if (ok && !cached)
            {
                _cost = _cost.Add(cost);
                _paidInput += inputTokens;
                _paidOutput += outputTokens;
            }

            if (latencyMs is { } latency && !cached)
                _latencies.Add(latency);
        }
    }

    /// <summary>Latency percentile in milliseconds over this run's network answers (nearest rank), or null.</summary>
    public double? LatencyPercentile(double percentile)
    {
        lock (_gate)
        {
            if (_latencies.Count == 0)
                return null;
            var sorted = _latencies.Order().ToArray();
            var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length) - 1;
            return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
        }
    }
}
