using System.ClientModel.Primitives;
using System.Globalization;
using System.Text.RegularExpressions;

namespace SycoBench.Models.Pipeline;

/// <summary>A model waits on a limit its provider announced, until <see cref="Until"/>.</summary>
public sealed record ModelRateLimitWait(string ModelId, DateTimeOffset Until, TimeSpan Wait, string Reason);

/// <summary>
/// Paces a model with no <c>rpm</c> in its roster by what its provider announces on every response, as
/// OpenAI-compatible providers do: <c>x-ratelimit-remaining-requests</c> / <c>x-ratelimit-reset-requests</c> (and the
/// <c>-tokens</c> pair), and <c>retry-after-ms</c> / <c>Retry-After</c> on a 429. Requests go out freely while the
/// provider says some are left; the estimate counts down with every request sent (requests still in flight are
/// assumed already counted by the provider, so the estimate errs low); once it reaches zero, every request waits for
/// the announced reset instead of being answered 429. Waits run on the pipeline's <see cref="TimeProvider"/>.
/// </summary>
public sealed partial class AnnouncedRateLimit(string modelId, TimeProvider timeProvider, Action<ModelRateLimitWait>? onWait = null)
{
    private readonly Lock _gate = new();
    private int? _remaining;
    private DateTimeOffset _resetAt;
    private string _reason = "";
    private DateTimeOffset _reported;
    private int _inFlight;

    /// <summary>Requests sent and not yet answered.</summary>
    public int InFlight
    {
        get
        {
            lock (_gate)
                return _inFlight;
        }
    }

    /// <summary>Waits while the provider's announced budget is spent; then counts the request as sent.</summary>
    public async ValueTask AcquireAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            ModelRateLimitWait? report = null;
            lock (_gate)
            {
                var now = timeProvider.GetUtcNow();
                if (_remaining is not null && now >= _resetAt)
                    _remaining = null; // the announced reset has passed: the next answers announce the new budget
                if (_remaining is null or > 0)
                {
                    if (_remaining is not null)
                        _remaining--;
                    _inFlight++;
                    return;
                }

                wait = _resetAt - now;
                if (_resetAt != _reported)
                {
                    _reported = _resetAt;
                    report = new ModelRateLimitWait(modelId, _resetAt, wait, _reason);
                }
            }

            if (report is not null)
                onWait?.Invoke(report);
            await Task.Delay(wait, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The request counted by <see cref="AcquireAsync"/> got its answer (or failed).</summary>
    public void Release()
    {
        lock (_gate)
            _inFlight = Math.Max(0, _inFlight - 1);
    }

    /// <summary>Reads the headers of one response (any status) of this model.</summary>
    public void Observe(int status, PipelineResponseHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        Observe(status, name => headers.TryGetValue(name, out var value) ? value : null);
    }

    public void Observe(int status, Func<string, string?> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var now = timeProvider.GetUtcNow();
        var requests = Integer(header("x-ratelimit-remaining-requests"));
        var requestsReset = Duration(header("x-ratelimit-reset-requests"), now);
        var tokens = Integer(header("x-ratelimit-remaining-tokens"));
        var tokensReset = Duration(header("x-ratelimit-reset-tokens"), now);
        var retryAfter = status == 429 ? RetryAfter(header, now) : null;
        lock (_gate)
        {
            if (requests is { } left && requestsReset is { } reset)
            {
                // The provider counted this request; the others in flight may not be counted yet: assume they are.
                var estimate = Math.Max(0, left - Math.Max(0, _inFlight - 1));
                _remaining = _remaining is { } known && now < _resetAt ? Math.Min(known, estimate) : estimate;
                _resetAt = now + reset;
                _reason = $"provider announced {left} request(s) left";
            }

            if (tokens is <= 0 && tokensReset is { } tokenReset)
                Block(now + tokenReset, "provider announced no tokens left");
            if (status == 429)
                Block(now + (retryAfter ?? requestsReset ?? TimeSpan.FromSeconds(1)), "answered 429");
        }
    }

    private void Block(DateTimeOffset until, string reason)
    {
        _remaining = 0;
        if (until > _resetAt)
            _resetAt = until;
        _reason = reason;
    }

    private static int? Integer(string? value) =>
        int.TryParse(value?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0 ? n : null;

    private static TimeSpan? RetryAfter(Func<string, string?> header, DateTimeOffset now)
    {
        if (double.TryParse(header("retry-after-ms")?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) && ms >= 0)
            return TimeSpan.FromMilliseconds(ms);
        return Duration(header("retry-after"), now);
    }

    /// <summary>
    /// A reset as providers write it: Go-style durations (<c>1s</c>, <c>6m0s</c>, <c>20ms</c>, <c>2m59.56s</c>), plain
    /// seconds, a Unix time in seconds, or an HTTP date. Null when unreadable.
    /// </summary>
    public static TimeSpan? Duration(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        value = value.Trim();
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number >= 0)
        {
            if (number > 1_000_000_000)
                return Positive(DateTimeOffset.FromUnixTimeMilliseconds((long)(number * 1000)) - now);
            return TimeSpan.FromSeconds(number);
        }

        var match = GoDuration().Match(value);
        if (match.Success && match.Length == value.Length && value.Length > 0)
        {
            double Part(string name) => match.Groups[name].Success ? double.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
            return TimeSpan.FromHours(Part("h")) + TimeSpan.FromMinutes(Part("m")) + TimeSpan.FromSeconds(Part("s")) + TimeSpan.FromMilliseconds(Part("ms"));
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
            return Positive(date - now);
        return null;
    }

    private static TimeSpan Positive(TimeSpan span) => span < TimeSpan.Zero ? TimeSpan.Zero : span;

    [GeneratedRegex(@"^(?:(?<h>\d+(?:\.\d+)?)h)?(?:(?<m>\d+(?:\.\d+)?)m(?!s))?(?:(?<s>\d+(?:\.\d+)?)s)?(?:(?<ms>\d+(?:\.\d+)?)ms)?$")]
    private static partial Regex GoDuration();
}

/// <summary>Hands every response's headers of one model's OpenAI client to its <see cref="AnnouncedRateLimit"/>.</summary>
public sealed class AnnouncedRateLimitPolicy(AnnouncedRateLimit limit) : PipelinePolicy
{
    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        ArgumentNullException.ThrowIfNull(message);
        ProcessNext(message, pipeline, currentIndex);
        if (message.Response is { } response)
            limit.Observe(response.Status, response.Headers);
    }

    public override async ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        ArgumentNullException.ThrowIfNull(message);
        await ProcessNextAsync(message, pipeline, currentIndex).ConfigureAwait(false);
        if (message.Response is { } response)
            limit.Observe(response.Status, response.Headers);
    }
}
