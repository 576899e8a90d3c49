using System.ClientModel;
using System.Globalization;
using Microsoft.Extensions.AI;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace SycoBench.Models.Pipeline;

/// <summary>
/// Retries with exponential backoff and jitter on 429, 5xx, timeouts and broken responses, honouring
/// <c>Retry-After</c>; each attempt first waits for a rate-limit permit, then gets <c>BENCH_TIMEOUT_S</c>.
/// One Polly pipeline, built once per model. The SDK's own retries are off, so attempts never multiply.
/// Owns its rate limiter (disposed with the client).
/// </summary>
public sealed class ResilientChatClient : DelegatingChatClient
{
    private static readonly ResiliencePropertyKey<int> RetriesKey = new("sycobench.retries");
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromMinutes(2);

    private readonly ResiliencePipeline _retry;
    private readonly ResiliencePipeline _attemptTimeout;
    private readonly RequestRateLimiter _rateLimiter;
    private readonly AnnouncedRateLimit? _announced;

    public ResilientChatClient(
        IChatClient innerClient,
        string modelId,
        PipelineSettings settings,
        RequestRateLimiter rateLimiter,
        Action<ModelRetry>? onRetry,
        AnnouncedRateLimit? announced = null)
        : base(innerClient)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _rateLimiter = rateLimiter;
        _announced = announced;
        _attemptTimeout = new ResiliencePipelineBuilder { TimeProvider = settings.TimeProvider }
            .AddTimeout(settings.Timeout)
            .Build();

        var builder = new ResiliencePipelineBuilder { TimeProvider = settings.TimeProvider };
        if (settings.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } ex && !args.Context.CancellationToken.IsCancellationRequested && FailureDescriber.IsTransient(ex)),
                MaxRetryAttempts = settings.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.BaseDelay,
                MaxDelay = settings.MaxDelay,
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Exception, settings.TimeProvider)),
                OnRetry = args =>
                {
                    args.Context.Properties.TryGetValue(RetriesKey, out var retries);
                    args.Context.Properties.Set(RetriesKey, retries + 1);
                    var label = args.Context.OperationKey ?? "";
                    onRetry?.Invoke(new ModelRetry(modelId, label, args.AttemptNumber + 1,
                        args.Outcome.Exception is { } ex ? FailureDescriber.Describe(ex) : "failed", args.RetryDelay));
                    return default;
                },
            });
        }

        _retry = builder.Build();
    }

    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var messageList = messages as IReadOnlyList<ChatMessage> ?? messages.ToArray();
        var context = ResilienceContextPool.Shared.Get(RequestTags.LabelOf(options), cancellationToken);
        try
        {
            var response = await _retry.ExecuteAsync(
                async ctx =>
                {
                    await _rateLimiter.AcquireAsync(messageList, options, ctx.CancellationToken).ConfigureAwait(false);
                    if (_announced is null)
                    {
                        return await _attemptTimeout.ExecuteAsync(
                            async token => await base.GetResponseAsync(messageList, options, token).ConfigureAwait(false),
                            ctx.CancellationToken).ConfigureAwait(false);
                    }

                    await _announced.AcquireAsync(ctx.CancellationToken).ConfigureAwait(false);
                    try
                    {
                        return await _attemptTimeout.ExecuteAsync(
                            async token => await base.GetResponseAsync(messageList, options, token).ConfigureAwait(false),
                            ctx.CancellationToken).ConfigureAwait(false);
                    }
                    finally
                    {
                        _announced.Release();
                    }
                },
                context).ConfigureAwait(false);

            context.Properties.TryGetValue(RetriesKey, out var retries);
            response.AdditionalProperties ??= [];
            response.AdditionalProperties[ResponseProperties.Retries] = retries;
            return response;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            context.Properties.TryGetValue(RetriesKey, out var retries);
            throw new ModelCallException(FailureDescriber.Describe(ex), retries, ex);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _rateLimiter.Dispose();
        base.Dispose(disposing);
    }

    /// <summary>
    /// The wait a 429/503 asks for in <c>retry-after-ms</c> (milliseconds, OpenAI's) or <c>Retry-After</c> (seconds or
    /// an HTTP date), capped at two minutes.
    /// </summary>
    internal static TimeSpan? RetryAfter(Exception? exception, TimeProvider timeProvider)
    {
        if (exception is not ClientResultException http || http.GetRawResponse() is not { } response)
            return null;
        if (response.Headers.TryGetValue("retry-after-ms", out var ms)
            && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds) && milliseconds >= 0)
        {
            return TimeSpan.FromMilliseconds(Math.Min(milliseconds, MaxRetryAfter.TotalMilliseconds));
        }

        if (!response.Headers.TryGetValue("Retry-After", out var value) || string.IsNullOrWhiteSpace(value))
            return null;
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
            return TimeSpan.FromSeconds(Math.Min(seconds, MaxRetryAfter.TotalSeconds));
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait <= TimeSpan.Zero ? TimeSpan.Zero : wait > MaxRetryAfter ? MaxRetryAfter : wait;
        }

        return null;
    }
}
