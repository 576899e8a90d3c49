using Microsoft.AspNetCore.Authentication.Cookies;

namespace SycoBench.Labeling.Web;

/// <summary>
/// What the reviewer's and the admin's sign-in cookies share: not readable by scripts (HttpOnly), never sent by another
/// site (SameSite=Strict), Secure whenever the request came over HTTPS. Each scheme sets its name, lifetime and what
/// else it needs on top.
/// </summary>
internal static class SignInCookie
{
    public static void Configure(CookieAuthenticationOptions options, string name, TimeSpan lifetime, bool sliding)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Cookie.Name = name;
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.ExpireTimeSpan = lifetime;
        options.SlidingExpiration = sliding;
    }
}
