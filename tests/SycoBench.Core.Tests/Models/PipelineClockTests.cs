using System.ClientModel;
using Microsoft.Extensions.AI;
using SycoBench.Models;
using SycoBench.Models.Pipeline;

namespace SycoBench.Tests.Models;

/// <summary>
/// The real pipeline layers (<see cref="ModelPipeline"/>) on a fake clock over a provider whose behaviour each test
/// sets: waits are checked to the tick, and no test waits in real time.
/// </summary>
public sealed class PipelineClockTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_429_with_retry_after_waits_exactly_that_long_then_asks_again()
    {
        var clock = new WatchedClock();
        var provider = new ScriptedProvider(
            _ => throw new ClientResultException("rate limited", new PipelineTests.FakeResponse(429, "7")),
            _ => Task.FromResult(Answer("fine")));
        var retries = new List<ModelRetry>();
        using var client = Build(provider, clock, retries.Add);

        var call = client.GetResponseAsync([new ChatMessage(ChatRole.User, "q")]);
        await clock.TimerAsync(TimeSpan.FromSeconds(7));
        clock.Advance(TimeSpan.FromSeconds(7) - TimeSpan.FromTicks(1));
        Assert.False(call.IsCompleted);
        Assert.Equal(1, provider.Calls);

        clock.Advance(TimeSpan.FromTicks(1));
        var response = await call.WaitAsync(Guard);

        Assert.Equal("fine", response.Text);
        Assert.Equal(2, provider.Calls);
        Assert.Equal(1, response.AdditionalProperties![ResponseProperties.Retries]);
        var retry = Assert.Single(retries);
        Assert.Equal(TimeSpan.FromSeconds(7), retry.Delay);
        Assert.StartsWith("HTTP 429", retry.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_attempt_that_hangs_times_out_after_bench_timeout_and_becomes_a_failure()
    {
        var clock = new WatchedClock();
        var provider = new ScriptedProvider(async token =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, token);
            return Answer("never");
        });
        using var client = Build(provider, clock, settings: s => s with { Timeout = TimeSpan.FromSeconds(5), MaxRetries = 0 });

        var call = client.GetResponseAsync([new ChatMessage(ChatRole.User, "q")]);
        await clock.TimerAsync(TimeSpan.FromSeconds(5));
        clock.Advance(TimeSpan.FromSeconds(5) - TimeSpan.FromTicks(1));
        Assert.False(call.IsCompleted);
        clock.Advance(TimeSpan.FromTicks(1));

        var failure = await Assert.ThrowsAsync<ModelCallException>(() => call.WaitAsync(Guard));
        Assert.Equal("timed out after 5 s", failure.Message);
    }

    [Fact]
    public async Task A_timed_out_attempt_is_retried_after_the_backoff()
    {
        var clock = new WatchedClock();
        var provider = new ScriptedProvider(
            async token =>
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, token);
                return Answer("never");
            },
            _ => Task.FromResult(Answer("second try")));
        var retries = new List<ModelRetry>();
        using var client = Build(provider, clock, retries.Add, s => s with { Timeout = TimeSpan.FromSeconds(5), MaxRetries = 1 });

        var call = client.GetResponseAsync([new ChatMessage(ChatRole.User, "q")]);
        await clock.TimerAsync(TimeSpan.FromSeconds(5));
        clock.Advance(TimeSpan.FromSeconds(5));
        var backoff = await clock.NextTimerAsync();
        Assert.Equal(1, provider.Calls);
        clock.Advance(backoff);

        Assert.Equal("second try", (await call.WaitAsync(Guard)).Text);
        var retry = Assert.Single(retries);
        Assert.Equal("timed out after 5 s", retry.Reason);
        Assert.InRange(retry.Delay - backoff, TimeSpan.Zero, TimeSpan.FromMilliseconds(1)); // timers count whole milliseconds
        Assert.InRange(backoff, TimeSpan.Zero, TimeSpan.FromSeconds(60));
    }

    private static IChatClient Build(
        ScriptedProvider provider, WatchedClock clock, Action<ModelRetry>? onRetry = null, Func<PipelineSettings, PipelineSettings>? settings = null)
    {
        var configured = new PipelineSettings { TimeProvider = clock, MaxRetries = 3 };
        return ModelPipeline.Build(provider, Route(new ModelEntry { Id = "sim/balanced", Concurrency = 2 }),
            settings is null ? configured : settings(configured), onRetry: onRetry);
    }

    private static ModelRoute Route(ModelEntry model) => new(model, null, new Uri("http://127.0.0.1:1/v1"), model.Id, null);

    private static ChatResponse Answer(string text) => new(new ChatMessage(ChatRole.Assistant, text));

    /// <summary>A provider that plays the given behaviours, one per call, and counts the calls.</summary>
    private sealed class ScriptedProvider(params Func<CancellationToken, Task<ChatResponse>>[] behaviours) : IChatClient
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            var index = Interlocked.Increment(ref _calls) - 1;
            return behaviours[Math.Min(index, behaviours.Length - 1)](cancellationToken);
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
