using System.Globalization;

namespace SycoBench.Models.Pipeline;

/// <summary>Tuning shared by every model's pipeline (SPEC §3: BENCH_TIMEOUT_S, BENCH_MAX_RETRIES).</summary>
public sealed record PipelineSettings
{
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    public int MaxRetries { get; init; } = 3;

    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public static PipelineSettings FromEnvironment(Func<string, string?> environment)
    {
        var settings = new PipelineSettings();
        if (environment("BENCH_TIMEOUT_S") is { Length: > 0 } timeout)
        {
            settings = settings with
            {
                Timeout = double.TryParse(timeout, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
                    ? TimeSpan.FromSeconds(seconds)
                    : throw new InputException($"BENCH_TIMEOUT_S must be a positive number of seconds, not '{timeout}'"),
            };
        }

        if (environment("BENCH_MAX_RETRIES") is { Length: > 0 } retries)
        {
            settings = settings with
            {
                MaxRetries = int.TryParse(retries, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) && count >= 0
                    ? count
                    : throw new InputException($"BENCH_MAX_RETRIES must be a whole number ≥ 0, not '{retries}'"),
            };
        }

        return settings;
    }
}
