using System.Threading.RateLimiting;
using Microsoft.Extensions.AI;

namespace SycoBench.Models.Pipeline;

/// <summary>
/// Keeps a model under its provider's quota: requests per minute and tokens per minute as token buckets that
/// refill smoothly (one request every 60/rpm seconds), so a run never bursts into 429s. Callers wait for a permit.
/// Requests are paced at <see cref="Headroom"/> of the limit: a provider counting a sliding 60-second window would
/// otherwise see the one extra request that timer jitter lets through at the window's edge.
/// </summary>
public sealed class RequestRateLimiter : IDisposable
{
    public const double Headroom = 0.98;
    private const int DefaultOutputEstimate = 512;
    private readonly TokenBucketRateLimiter? _requests;
    private readonly TokenBucketRateLimiter? _tokens;
    private readonly int _tokenLimit;

    public RequestRateLimiter(int? requestsPerMinute, int? tokensPerMinute)
    {
        if (requestsPerMinute is { } rpm)
        {
            _requests = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = 1,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = TimeSpan.FromMinutes(1) / (rpm * Headroom),
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            });
        }

        if (tokensPerMinute is { } tpm)
        {
            // Refill every second; allow a burst of ten seconds' worth so one long prompt is never stuck.
            var perSecond = Math.Max(1, (int)(tpm * Headroom / 60));
            _tokenLimit = Math.Max(perSecond * 10, 1);
            _tokens = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = _tokenLimit,
                TokensPerPeriod = perSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            });
        }
    }

    public bool IsUnlimited => _requests is null && _tokens is null;

    /// <summary>Waits until the request may be sent.</summary>
    public async ValueTask AcquireAsync(IEnumerable<ChatMessage> messages, ChatOptions? options, CancellationToken cancellationToken)
    {
        if (_requests is not null)
        {
            using var lease = await _requests.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        }

        if (_tokens is not null)
        {
            var estimate = EstimateTokens(messages, options);
            using var lease = await _tokens.AcquireAsync(Math.Min(estimate, _tokenLimit), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Prompt tokens estimated at four characters each, plus the answer's budget.</summary>
    public static int EstimateTokens(IEnumerable<ChatMessage> messages, ChatOptions? options) =>
        messages.Sum(m => m.Text.Length) / 4 + (options?.MaxOutputTokens ?? DefaultOutputEstimate);

    public void Dispose()
    {
        _requests?.Dispose();
        _tokens?.Dispose();
    }
}
