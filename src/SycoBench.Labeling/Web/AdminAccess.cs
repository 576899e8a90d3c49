using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using SycoBench.Html;
using SycoBench.Labeling.Web.Html;

namespace SycoBench.Labeling.Web;

/// <summary>
/// The admin pages open with the admin token: sent by a script as <c>Authorization: Bearer &lt;token&gt;</c>, or typed
/// once into the admin sign-in form, which sets a separate 8-hour cookie limited to <c>/admin</c>. Tokens are compared
/// in constant time, and a wrong <c>Bearer</c> token uses one of the address's sign-in attempts (<see cref="SignInThrottle"/>).
/// </summary>
internal sealed class AdminAccess(string token, SignInThrottle throttle)
{
    public const string Scheme = "Admin";
    private readonly byte[] _tokenHash = SHA256.HashData(Encoding.UTF8.GetBytes(token));

    public static void Configure(CookieAuthenticationOptions options)
    {
        SignInCookie.Configure(options, "sycobench_admin", TimeSpan.FromHours(8), sliding: false);
        options.Cookie.Path = "/admin";
    }

    public bool Matches(string? candidate) =>
        candidate is not null && CryptographicOperations.FixedTimeEquals(_tokenHash, SHA256.HashData(Encoding.UTF8.GetBytes(candidate)));

    private enum Verdict
    {
        Admin,
        NotAdmin,
        TooManyAttempts,
    }

    private async Task<Verdict> CheckAsync(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            if (!throttle.HasAttemptLeft(context))
                return Verdict.TooManyAttempts;
            if (Matches(authorization["Bearer ".Length..].Trim()))
                return Verdict.Admin;
            return throttle.TryAttempt(context) ? Verdict.NotAdmin : Verdict.TooManyAttempts;
        }

        var result = await context.AuthenticateAsync(Scheme);
        return result.Succeeded && result.Principal?.FindFirstValue(ClaimTypes.Role) == Scheme ? Verdict.Admin : Verdict.NotAdmin;
    }

    public static Task SignInAsync(HttpContext context) =>
        context.SignInAsync(Scheme, new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, Scheme)], Scheme)));

    /// <summary>Endpoint filter: anything but an admin gets 401 and a pointer to the admin sign-in.</summary>
    public async ValueTask<object?> RequireAdmin(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        switch (await CheckAsync(invocation.HttpContext))
        {
            case Verdict.Admin:
                return await next(invocation);
            case Verdict.TooManyAttempts:
                return SignInThrottle.TooMany(invocation.HttpContext);
        }

        return Layout.Page(invocation.HttpContext, "Admin sign-in needed",
            H.Html($"<h1>Admin sign-in needed</h1><p>These pages need the admin token. <a href=\"/admin/signin\">Sign in as admin</a>.</p>"),
            StatusCodes.Status401Unauthorized);
    }
}
