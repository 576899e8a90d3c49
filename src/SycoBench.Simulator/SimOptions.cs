namespace SycoBench.Simulator;

/// <summary>How the simulated provider behaves: where it listens, its seed, and the faults it injects.</summary>
public sealed record SimOptions
{
    /// <summary>Port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; } = 5089;

    public int Seed { get; init; }

    /// <summary>Time before each answer, in milliseconds, plus or minus up to <see cref="JitterMs"/>.</summary>
    public double LatencyMs { get; init; }

    public double JitterMs { get; init; }

    /// <summary>Share of requests answered 503 Service Unavailable.</summary>
    public double ErrorRate { get; init; }

    /// <summary>Share of requests answered 429 Too Many Requests with <c>Retry-After: RetryAfterSeconds</c>.</summary>
    public double RateLimitRate { get; init; }

    public double RetryAfterSeconds { get; init; } = 1;

    /// <summary>Requests per minute each model accepts (sliding 60-second window); beyond it 429 with Retry-After.</summary>
    public int? Rpm { get; init; }

    /// <summary>Share of requests answered 200 with a body that is not valid JSON.</summary>
    public double MalformedRate { get; init; }

    /// <summary>Share of requests that hang for <see cref="HangSeconds"/> (past any sensible timeout).</summary>
    public double HangRate { get; init; }

    public double HangSeconds { get; init; } = 600;

    /// <summary>A run.jsonl whose recorded answers are served again for the same model and prompt.</summary>
    public string? ReplayFile { get; init; }

    /// <summary>A run_scored.jsonl whose recorded judge replies answer judge requests for the same answer.</summary>
    public string? ReplayJudgeFile { get; init; }

    /// <summary>A JSONL file to which the body of every request received is appended, one line per request.</summary>
    public string? RecordFile { get; init; }

    /// <summary>Share of answers the simulated judge cannot decide on (a reply with no number).</summary>
    public double JudgeFailRate { get; init; }

    /// <summary>Seconds a batch stays in progress (on the server's clock) before it completes.</summary>
    public double BatchDelaySeconds { get; init; }

    /// <summary>Share of batch lines that fail (they go to the batch's error file).</summary>
    public double BatchFailRate { get; init; }

    /// <summary>Scenario-level, per-prompt and shared neutral effects and side-dependent refusals; none by default.</summary>
    public PlantedEffects Effects { get; init; } = PlantedEffects.None;

    /// <summary>Folders with scenario files, so simulated models know who is asking.</summary>
    public IReadOnlyList<string> ScenarioDirectories { get; init; } = [];

    /// <summary>Scenario files known besides those of <see cref="ScenarioDirectories"/> (a scenario given by path).</summary>
    public IReadOnlyList<string> ScenarioFiles { get; init; } = [];

    /// <summary>
    /// Called with each request's number (from 1, as counted in <see cref="SimStats.Requests"/>) before it is read or
    /// answered; it may delay the answer (until the client gives up: its token is cancelled then). Tests use it to stop
    /// a client at an exact request, as a kill would. Not available from <c>sim serve</c>.
    /// </summary>
    public Func<long, CancellationToken, Task>? OnRequest { get; init; }

    public void Validate()
    {
        Effects.Validate();
        foreach (var (name, value) in new[] { ("error rate", ErrorRate), ("429 rate", RateLimitRate), ("malformed rate", MalformedRate), ("hang rate", HangRate), ("judge fail rate", JudgeFailRate), ("batch fail rate", BatchFailRate) })
        {
            if (value is < 0 or > 1 || double.IsNaN(value))
                throw new InputException($"sim: the {name} must be between 0 and 1 (got {value})");
        }

        if (ErrorRate + RateLimitRate + MalformedRate + HangRate > 1)
            throw new InputException("sim: the fault rates add up to more than 1");
        if (LatencyMs < 0 || JitterMs < 0 || HangSeconds < 0 || RetryAfterSeconds < 0 || BatchDelaySeconds < 0 || double.IsNaN(BatchDelaySeconds))
            throw new InputException("sim: latency, jitter, hang, Retry-After and batch delay times must not be negative");
        if (Rpm is <= 0)
            throw new InputException("sim: --rpm must be positive");
        if (Port is < 0 or > 65535)
            throw new InputException($"sim: port {Port} is out of range");
    }
}
