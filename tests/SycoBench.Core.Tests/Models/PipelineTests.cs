using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;
using Polly.Timeout;
using SycoBench.Models;
using SycoBench.Models.Pipeline;

namespace SycoBench.Tests.Models;

public sealed class PipelineTests
{
    [Theory]
    [InlineData(429, true)]
    [InlineData(500, true)]
    [InlineData(503, true)]
    [InlineData(408, true)]
    [InlineData(400, false)]
    [InlineData(401, false)]
    [InlineData(404, false)]
    public void Transient_http_statuses_are_retried_others_are_not(int status, bool transient) =>
        Assert.Equal(transient, FailureDescriber.IsTransient(new ClientResultException("failed", new FakeResponse(status))));

    [Fact]
    public void Timeouts_network_errors_and_broken_bodies_are_retried()
    {
        Assert.True(FailureDescriber.IsTransient(new TimeoutRejectedException()));
        Assert.True(FailureDescriber.IsTransient(new HttpRequestException("reset")));
        Assert.True(FailureDescriber.IsTransient(new System.Text.Json.JsonException("broken")));
        Assert.False(FailureDescriber.IsTransient(new InvalidOperationException("bug")));
    }

    [Theory]
    [InlineData("7", 7.0)]
    [InlineData("0.5", 0.5)]
    [InlineData("100000", 120.0)]
    public void Retry_after_seconds_are_honoured_up_to_two_minutes(string header, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), ResilientChatClient.RetryAfter(new ClientResultException("x", new FakeResponse(429, header)), TimeProvider.System));

    [Fact]
    public void Retry_after_as_a_date_and_missing_header()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero));
        var date = clock.GetUtcNow().AddSeconds(30).ToString("R", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(TimeSpan.FromSeconds(30), ResilientChatClient.RetryAfter(new ClientResultException("x", new FakeResponse(429, date)), clock));
        clock.Advance(TimeSpan.FromSeconds(40));
        Assert.Equal(TimeSpan.Zero, ResilientChatClient.RetryAfter(new ClientResultException("x", new FakeResponse(429, date)), clock));
        Assert.Null(ResilientChatClient.RetryAfter(new ClientResultException("x", new FakeResponse(429)), clock));
        Assert.Null(ResilientChatClient.RetryAfter(new HttpRequestException(), clock));
    }

    [Fact]
    public void Failure_messages_quote_the_providers_explanation()
    {
        var exception = new ClientResultException("Service request failed.", new FakeResponse(400, body: """{"error": {"message": "model is decommissioned"}}"""));

        Assert.Equal("HTTP 400 BadRequest: model is decommissioned", FailureDescriber.Describe(exception));
    }

    [Fact]
    public void Private_tags_never_reach_the_provider()
    {
        var options = RequestTags.With(new ChatOptions { Temperature = 0.2f }, "012", 3, "prompt 012 sample 3");

        var sent = RequestTags.Strip(options)!;

        Assert.Equal(3, RequestTags.SampleOf(options));
        Assert.Equal("012", RequestTags.PromptIdOf(options));
        Assert.Null(sent.AdditionalProperties);
        Assert.Equal(0.2f, sent.Temperature);
        Assert.Equal("sycobench;prompt=012;sample=3", RequestTags.SimulatorHint(options));
    }

    [Fact]
    public void Pipeline_settings_come_from_the_environment_and_reject_nonsense()
    {
        var settings = PipelineSettings.FromEnvironment(n => n switch { "BENCH_TIMEOUT_S" => "12.5", "BENCH_MAX_RETRIES" => "5", _ => null });

        Assert.Equal(TimeSpan.FromSeconds(12.5), settings.Timeout);
        Assert.Equal(5, settings.MaxRetries);
        Assert.Throws<InputException>(() => PipelineSettings.FromEnvironment(n => n == "BENCH_TIMEOUT_S" ? "soon" : null));
        Assert.Throws<InputException>(() => PipelineSettings.FromEnvironment(n => n == "BENCH_MAX_RETRIES" ? "-1" : null));
    }

    [Fact]
    public async Task The_cache_keys_on_prompt_and_sample_and_survives_reopening()
    {
        var path = Path.Combine(Path.GetTempPath(), "sycobench-cache-" + Guid.NewGuid().ToString("N") + ".db");
        try
        {
            using (var cache = new ResponseCache(path))
                await cache.PutAsync("k1", "m", new CachedAnswer { Text = "hello", InputTokens = 3 });
            using (var reopened = new ResponseCache(path))
            {
                Assert.Equal("hello", (await reopened.GetAsync("k1"))!.Text);
                Assert.Null(await reopened.GetAsync("k2"));
            }

            var route = new ModelRoute(new ModelEntry { Id = "sim/balanced", Concurrency = 1 }, null, new Uri("http://127.0.0.1:1/v1"), "sim/balanced", null);
            using var keyCache = new ResponseCache(path);
            using var client = new ResponseCachingChatClient(new EchoClient(), route, keyCache);
            ChatMessage[] messages = [new(ChatRole.User, "same words")];
            var a = client.Key(messages, RequestTags.With(null, "002", 0, ""));
            Assert.Equal(a, client.Key(messages, RequestTags.With(null, "002", 0, "other label")));
            Assert.NotEqual(a, client.Key(messages, RequestTags.With(null, "014", 0, "")));
            Assert.NotEqual(a, client.Key(messages, RequestTags.With(null, "002", 1, "")));
            Assert.NotEqual(a, client.Key(messages, RequestTags.With(new ChatOptions { Temperature = 0.7f }, "002", 0, "")));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_reply_the_caller_cannot_use_is_neither_cached_nor_served_from_an_older_cache()
    {
        var path = Path.Combine(Path.GetTempPath(), "sycobench-cache-" + Guid.NewGuid().ToString("N") + ".db");
        try
        {
            var route = new ModelRoute(new ModelEntry { Id = "sim/judge", Concurrency = 1 }, null, new Uri("http://127.0.0.1:1/v1"), "sim/judge", null);
            using var cache = new ResponseCache(path);
            var inner = new EchoClient();
            using var client = new ResponseCachingChatClient(inner, route, cache);
            var numbersOnly = RequestTags.Accepting(RequestTags.With(null, "001", 0, ""), r => double.TryParse(r.Text, out _));
            ChatMessage[] words = [new(ChatRole.User, "no number here")];
            ChatMessage[] number = [new(ChatRole.User, "0.5")];

            await client.GetResponseAsync(words, numbersOnly);
            await client.GetResponseAsync(words, numbersOnly);
            await client.GetResponseAsync(number, numbersOnly);
            var hit = await client.GetResponseAsync(number, numbersOnly);

            Assert.Equal(3, inner.Calls);
            Assert.Equal(true, hit.AdditionalProperties![ResponseProperties.Cached]);
            Assert.Null(await cache.GetAsync(client.Key(words, numbersOnly)));

            // A reply stored by an earlier version that cached everything is asked again, and replaced once usable.
            await cache.PutAsync(client.Key(words, numbersOnly), "sim/judge", new CachedAnswer { Text = "no number here" });
            var fresh = await client.GetResponseAsync(words, numbersOnly);
            Assert.Equal(4, inner.Calls);
            Assert.False(fresh.AdditionalProperties?.ContainsKey(ResponseProperties.Cached) == true);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    private sealed class EchoClient : IChatClient
    {
        private int _calls;

        public int Calls => _calls;

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _calls);
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, messages.Last().Text)));
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }

    internal sealed class FakeResponse(int status, string? retryAfter = null, string body = "") : PipelineResponse
    {
        private readonly FakeHeaders _headers = new(retryAfter);

        public override int Status => status;

        public override string ReasonPhrase => "";

        public override Stream? ContentStream { get; set; }

        public override BinaryData Content => BinaryData.FromString(body);

        protected override PipelineResponseHeaders HeadersCore => _headers;

        public override BinaryData BufferContent(CancellationToken cancellationToken = default) => Content;

        public override ValueTask<BinaryData> BufferContentAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(Content);

        public override void Dispose()
        {
        }
    }

    private sealed class FakeHeaders(string? retryAfter) : PipelineResponseHeaders
    {
        public override bool TryGetValue(string name, out string? value)
        {
            value = name.Equals("Retry-After", StringComparison.OrdinalIgnoreCase) ? retryAfter : null;
            return value is not null;
        }

        public override bool TryGetValues(string name, out IEnumerable<string>? values)
        {
            values = TryGetValue(name, out var value) ? [value!] : null;
            return values is not null;
        }

        public override IEnumerator<KeyValuePair<string, string>> GetEnumerator() =>
            (retryAfter is null ? [] : new[] { new KeyValuePair<string, string>("Retry-After", retryAfter) }).AsEnumerable().GetEnumerator();
    }
}
