using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using SycoBench.Labeling.Storage;
using SycoBench.Labeling.Web;
using SycoBench.Labeling.Web.Admin;
using SycoBench.Labeling.Web.Html;
using SycoBench.Labeling.Web.Pages;

namespace SycoBench.Labeling;

/// <summary>
/// The review web app. <see cref="Build"/> opens (and migrates) the database and wires the endpoints; the caller
/// starts it. The command line (<c>sycobench label serve</c>) and the tests both go through here.
/// </summary>
public static class LabelingApp
{
    internal const string ReviewerPolicy = "reviewer";
    private const long MaxRequestBodyBytes = 64 * 1024;

    public static WebApplication Build(LabelingOptions options, string[] urls)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(urls);
        options.Validate();

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(LabelingApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.WebHost.UseUrls(urls);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
        });
        builder.Logging.ClearProviders();
        if (options.LogToConsole)
        {
            builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            // Keys are kept in a folder beside the database on purpose; the notice that they are not encrypted at rest is expected.
            builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        }

        var store = LabelStore.Open(options.DatabasePath, options.Time, options.LeaseDuration);
        var services = builder.Services;
        services.AddSingleton(store);
        services.AddSingleton(options.Time);
        services.AddSingleton<MarkdownRenderer>();
        services.AddDataProtection()
            .SetApplicationName("SycoBench.Labeling")
            .PersistKeysToFileSystem(new DirectoryInfo(options.KeysDirectory ?? store.Path + ".keys"));
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.HeaderName = AntiforgeryCheck.HeaderName;
            antiforgery.Cookie.Name = "sycobench_csrf";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddAuthentication(ReviewerIdentity.Scheme)
            .AddCookie(ReviewerIdentity.Scheme, ReviewerIdentity.Configure)
            .AddCookie(AdminAccess.Scheme, AdminAccess.Configure);
        services.AddAuthorizationBuilder()
            .AddPolicy(ReviewerPolicy, policy => policy.AddAuthenticationSchemes(ReviewerIdentity.Scheme).RequireClaim(ReviewerIdentity.CodeClaim));
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(SignInEndpoints.RateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.SignInAttemptsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
        });

        var app = builder.Build();
        app.Lifetime.ApplicationStopped.Register(store.Dispose);
        app.Use(SecurityHeaders.Apply);
        app.Use(DatabaseErrors.Handle);
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = "/static",
            FileProvider = new EmbeddedFileProvider(typeof(LabelingApp).Assembly, "SycoBench.Labeling.wwwroot"),
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "no-cache",
        });
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapSignIn();
        app.MapHome();
        app.MapReview();
        app.MapAdmin(new AdminAccess(options.AdminToken));
        return app;
    }
}
