using SycoBench.Models.Pipeline;

namespace SycoBench.Tests.Models;

/// <summary>Pacing by the limits a provider announces in its response headers, on a fake clock.</summary>
public sealed class AnnouncedRateLimitTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    private static Func<string, string?> Headers(params (string Name, string Value)[] headers) =>
        name => headers.FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)).Value;

    [Fact]
    public async Task Requests_go_freely_while_some_are_left_then_wait_for_the_announced_reset()
    {
        var clock = new WatchedClock();
        var waits = new List<ModelRateLimitWait>();
        var limit = new AnnouncedRateLimit("m", clock, waits.Add);

        await limit.AcquireAsync(default);
        limit.Observe(200, Headers(("x-ratelimit-remaining-requests", "2"), ("x-ratelimit-reset-requests", "6m0s")));
        limit.Release();
        await limit.AcquireAsync(default).AsTask().WaitAsync(Guard);
        limit.Release();
        await limit.AcquireAsync(default).AsTask().WaitAsync(Guard);
        limit.Release();

        var third = limit.AcquireAsync(default).AsTask();
        await clock.TimerAsync(TimeSpan.FromMinutes(6));
        clock.Advance(TimeSpan.FromMinutes(6) - TimeSpan.FromTicks(1));
        Assert.False(third.IsCompleted);
        clock.Advance(TimeSpan.FromTicks(1));
        await third.WaitAsync(Guard);

        var wait = Assert.Single(waits);
        Assert.Equal(TimeSpan.FromMinutes(6), wait.Wait);
        Assert.Equal("m", wait.ModelId);
    }

    [Fact]
    public async Task Requests_in_flight_count_against_what_is_left()
    {
        var clock = new WatchedClock();
        var limit = new AnnouncedRateLimit("m", clock);
        for (var i = 0; i < 4; i++)
            await limit.AcquireAsync(default);

        // One answer says 3 are left, but 3 more requests are in flight: nothing is left for a fifth.
        limit.Observe(200, Headers(("x-ratelimit-remaining-requests", "3"), ("x-ratelimit-reset-requests", "20ms")));
        var fifth = limit.AcquireAsync(default).AsTask();
        await clock.TimerAsync(TimeSpan.FromMilliseconds(20));
        Assert.False(fifth.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(20));
        await fifth.WaitAsync(Guard);
    }

    [Fact]
    public async Task A_429_blocks_for_retry_after_ms_and_tokens_running_out_block_for_their_reset()
    {
        var clock = new WatchedClock();
        var limit = new AnnouncedRateLimit("m", clock);
        limit.Observe(429, Headers(("retry-after-ms", "1500"), ("retry-after", "2")));
        var blocked = limit.AcquireAsync(default).AsTask();
        await clock.TimerAsync(TimeSpan.FromMilliseconds(1500));
        Assert.False(blocked.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1500));
        await blocked.WaitAsync(Guard);
        limit.Release();

        limit.Observe(200, Headers(("x-ratelimit-remaining-tokens", "0"), ("x-ratelimit-reset-tokens", "1m30s")));
        var tokens = limit.AcquireAsync(default).AsTask();
        await clock.TimerAsync(TimeSpan.FromSeconds(90));
        Assert.False(tokens.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(90));
        await tokens.WaitAsync(Guard);
    }

    [Fact]
    public async Task Without_announcements_nothing_waits()
    {
        var limit = new AnnouncedRateLimit("m", new WatchedClock());
        for (var i = 0; i < 100; i++)
            await limit.AcquireAsync(default).AsTask().WaitAsync(Guard);
        Assert.Equal(100, limit.InFlight);
    }

    [Theory]
    [InlineData("1s", 1000)]
    [InlineData("6m0s", 360000)]
    [InlineData("20ms", 20)]
    [InlineData("2m59.56s", 179560)]
    [InlineData("1h2m", 3720000)]
    [InlineData("7.5", 7500)]
    [InlineData("0.25s", 250)]
    public void Resets_are_read_as_providers_write_them(string value, double milliseconds)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), AnnouncedRateLimit.Duration(value, DateTimeOffset.UnixEpoch));
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("")]
    public void An_unreadable_reset_is_not_a_wait(string value)
    {
        Assert.Null(AnnouncedRateLimit.Duration(value, DateTimeOffset.UnixEpoch));
    }
}
