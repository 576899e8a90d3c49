using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace SycoBench.Tests.Models;

/// <summary>
/// <see cref="FakeTimeProvider"/> that also reports each timer created on it (its due time), so a test advances the
/// clock only once the code under test is actually waiting — never before, which would make the wait start late.
/// (<c>FakeTimeProvider</c> keeps its list of waiting timers to itself.)
/// </summary>
internal sealed class WatchedClock : FakeTimeProvider
{
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public WatchedClock()
        : base(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new WatchedTimer(base.CreateTimer(callback, state, dueTime, period), _timers.Writer);
        if (dueTime != Timeout.InfiniteTimeSpan)
            _timers.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>A timer started later (<c>CancelAfter</c> creates it stopped, then sets its due time) is reported then.</summary>
    private sealed class WatchedTimer(ITimer inner, ChannelWriter<TimeSpan> report) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = inner.Change(dueTime, period);
            if (dueTime != Timeout.InfiniteTimeSpan)
                report.TryWrite(dueTime);
            return changed;
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }

    /// <summary>Waits until a timer due in exactly <paramref name="dueTime"/> has been created.</summary>
    public async Task TimerAsync(TimeSpan dueTime)
    {
        while (await NextTimerAsync() != dueTime)
        {
        }
    }

    /// <summary>The due time of the next timer created (waiting for it if none is new).</summary>
    public async Task<TimeSpan> NextTimerAsync()
    {
        // A guard against a hang if the code never waits; the assertion is the due time, not how long this took.
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await _timers.Reader.ReadAsync(guard.Token);
    }
}
