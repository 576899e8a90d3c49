using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using SycoBench.Labeling.Storage;

namespace SycoBench.Labeling.Web;

/// <summary>
/// The reviewer's sign-in: a cookie (HttpOnly, SameSite=Strict, Secure over HTTPS) that remembers the reviewer's
/// public code and their session for 30 days. Each request checks in the database that the session is still open
/// (not signed out, not revoked by disabling the reviewer), so a copied cookie dies with the session it names.
/// </summary>
internal static class ReviewerIdentity
{
    public const string Scheme = "Reviewer";
    public const string CodeClaim = "sycobench:reviewer";
    public const string SessionClaim = "sycobench:session";

    public static void Configure(CookieAuthenticationOptions options)
    {
        SignInCookie.Configure(options, "sycobench_reviewer", TimeSpan.FromDays(30), sliding: true);
        options.LoginPath = "/signin";
        options.Events.OnValidatePrincipal = async context =>
        {
            var store = context.HttpContext.RequestServices.GetRequiredService<LabelStore>();
            var code = context.Principal?.FindFirstValue(CodeClaim);
            if (code is null || !await store.Reviewers.IsSessionOpenAsync(code, context.Principal?.FindFirstValue(SessionClaim), context.HttpContext.RequestAborted))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(Scheme);
            }
        };
        options.Events.OnRedirectToLogin = context =>
        {
            // Scripts get a status to act on; browsers are sent to the sign-in page.
            if (WantsJson(context.Request))
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            else
                context.Response.Redirect("/signin");
            return Task.CompletedTask;
        };
    }

    public static Task SignInAsync(HttpContext context, LabelStore store, ReviewerAccount reviewer)
    {
        var session = store.Reviewers.StartSession(reviewer.Code);
        var identity = new ClaimsIdentity([new Claim(CodeClaim, reviewer.Code), new Claim(SessionClaim, session)], Scheme, CodeClaim, null);
        return context.SignInAsync(Scheme, new ClaimsPrincipal(identity), new AuthenticationProperties { IsPersistent = true });
    }

    /// <summary>Ends the session in the database as well as in this browser, so a copy of the cookie is refused from now on.</summary>
    public static async Task SignOutAsync(HttpContext context, LabelStore store)
    {
        var result = await context.AuthenticateAsync(Scheme);
        if (result.Principal?.FindFirstValue(SessionClaim) is { } session)
            store.Reviewers.EndSession(session);
        await context.SignOutAsync(Scheme);
    }

    public static string? Code(HttpContext context) =>
        context.User.Identity?.AuthenticationType == Scheme ? context.User.FindFirstValue(CodeClaim) : null;

    public static bool WantsJson(HttpRequest request) =>
        request.Headers.Accept.Any(a => a is not null && a.Contains("application/json", StringComparison.OrdinalIgnoreCase));
}
