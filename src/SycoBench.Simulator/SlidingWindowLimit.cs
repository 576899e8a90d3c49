namespace SycoBench.Simulator;

/// <summary>A provider-style requests-per-minute limit: a sliding 60-second window per model.</summary>
internal sealed class SlidingWindowLimit(int perMinute, TimeProvider timeProvider)
{
    public int PerMinute => perMinute;

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly Dictionary<string, Queue<DateTimeOffset>> _windows = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Admits a request, or says how long until the window has room.</summary>
    public bool TryAdmit(string model, out TimeSpan retryAfter) => TryAdmit(model, out retryAfter, out _, out _);

    /// <summary>
    /// Admits a request, or says how long until the window has room; either way says what a provider announces:
    /// the requests left in the window and the time until it is empty again (OpenAI's x-ratelimit-reset-requests).
    /// </summary>
    public bool TryAdmit(string model, out TimeSpan retryAfter, out int remaining, out TimeSpan reset)
    {
        var now = timeProvider.GetUtcNow();
        lock (_gate)
        {
            if (!_windows.TryGetValue(model, out var window))
                _windows[model] = window = new Queue<DateTimeOffset>();
            while (window.Count > 0 && now - window.Peek() >= Window)
                window.Dequeue();
            if (window.Count >= perMinute)
            {
                retryAfter = window.Peek() + Window - now;
                remaining = 0;
                reset = window.Last() + Window - now;
                return false;
            }

            window.Enqueue(now);
            retryAfter = TimeSpan.Zero;
            remaining = perMinute - window.Count;
            reset = Window;
            return true;
        }
    }
}
