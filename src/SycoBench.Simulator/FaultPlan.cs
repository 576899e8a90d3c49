using SycoBench.Statistics;

namespace SycoBench.Simulator;

/// <summary>What the simulated provider does with one request: answer, or one of the injected faults.</summary>
internal enum Fault
{
    None,
    ServiceUnavailable,
    RateLimited,
    Malformed,
    Hang,
}

/// <summary>Draws faults at the configured rates from one seeded generator shared by all requests.</summary>
internal sealed class FaultPlan(SimOptions options)
{
    private readonly SeededRandom _random = SeededRandom.For(options.Seed, SeedStreams.SimulatorFaults);
    private readonly Lock _gate = new();

    public (Fault Fault, double LatencyMs) Next()
    {
        double draw, jitter;
        lock (_gate)
        {
            draw = _random.NextDouble();
            jitter = _random.NextDouble() * 2 - 1;
        }

        var latency = Math.Max(0, options.LatencyMs + jitter * options.JitterMs);
        var fault = Fault.None;
        var edge = options.ErrorRate;
        if (draw < edge)
            fault = Fault.ServiceUnavailable;
        else if (draw < (edge += options.RateLimitRate))
            fault = Fault.RateLimited;
        else if (draw < (edge += options.MalformedRate))
            fault = Fault.Malformed;
        else if (draw < edge + options.HangRate)
            fault = Fault.Hang;
        return (fault, latency);
    }
}
