using System.Globalization;
using System.Threading.RateLimiting;
using SycoBench.Html;
using SycoBench.Labeling.Web.Html;

namespace SycoBench.Labeling.Web;

/// <summary>
/// One budget of sign-in attempts per client address and minute, shared by everything that tries a secret: the
/// reviewer and admin sign-in forms (every post is an attempt) and admin requests with a <c>Bearer</c> token (a wrong
/// token is an attempt). An address that has used its attempts gets 429 from all three until the minute is over, so
/// guessing the admin token through the header is no faster than through the form.
/// </summary>
internal sealed class SignInThrottle(int attemptsPerMinute) : IDisposable
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = attemptsPerMinute,
            Window = Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    /// <summary>Uses one attempt of the client's address; false when none is left.</summary>
    public bool TryAttempt(HttpContext context)
    {
        using var lease = _limiter.AttemptAcquire(Address(context));
        return lease.IsAcquired;
    }

    /// <summary>Whether the client's address has an attempt left, without using it.</summary>
    public bool HasAttemptLeft(HttpContext context)
    {
        using var lease = _limiter.AttemptAcquire(Address(context), permitCount: 0);
        return lease.IsAcquired;
    }

    /// <summary>Endpoint filter for the sign-in forms: every post uses an attempt.</summary>
    public async ValueTask<object?> Require(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next) =>
        TryAttempt(invocation.HttpContext) ? await next(invocation) : TooMany(invocation.HttpContext);

    public static IResult TooMany(HttpContext context)
    {
        context.Response.Headers.RetryAfter = ((int)Window.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        const string Message = "too many sign-in attempts from this address; wait a minute and try again";
        return ReviewerIdentity.WantsJson(context.Request) || context.Request.Headers.Authorization.Count > 0
            ? TypedResults.Json(new ErrorBody(Message), WebJsonContext.Default.ErrorBody, statusCode: StatusCodes.Status429TooManyRequests)
            : Layout.Page(context, "Too many attempts",
                H.Html($"<h1>Too many attempts</h1><p class=\"error\" role=\"alert\">Too many sign-in attempts from this address. Wait a minute and try again.</p>"),
                StatusCodes.Status429TooManyRequests);
    }

    private static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    public void Dispose() => _limiter.Dispose();
}
