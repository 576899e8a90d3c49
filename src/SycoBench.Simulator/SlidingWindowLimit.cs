namespace SycoBench.Simulator;

/// <summary>A provider-style requests-per-minute limit: a sliding 60-second window per model.</summary>
internal sealed class SlidingWindowLimit(int perMinute, TimeProvider timeProvider)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly Dictionary<string, Queue<DateTimeOffset>> _windows = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Admits a request, or says how long until the window has room.</summary>
    public bool TryAdmit(string model, out TimeSpan retryAfter)
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
                return false;
            }

            window.Enqueue(now);
            retryAfter = TimeSpan.Zero;
            return true;
        }
    }
}
