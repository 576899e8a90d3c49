using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SycoBench.Labeling.Storage;
using SycoBench.Labeling.Web;
using SycoBench.Labeling.Web.Admin;
using SycoBench.Labeling.Web.Html;
using SycoBench.Labeling.Web.Pages;

namespace SycoBench.Labeling;

/// <summary>
/// The review web app. <see cref="Build"/> wires the endpoints; starting it binds the addresses and then opens (and
/// migrates) the database. The command line (<c>sycobench label serve</c>) and the tests both go through here.
/// </summary>
public static class LabelingApp
{
    internal const string ReviewerPolicy = "reviewer";
    internal const long MaxRequestBodyBytes = 64 * 1024;

    /// <summary>
    /// Builds the app. The database is opened (created, migrated) when the app starts, after the server has bound its
    /// addresses, so a failed start leaves nothing behind.
    /// </summary>
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
            // A failed start (a port in use, a locked database) reaches the caller as an exception and is reported as
            // one line there; the host's own log of it would add a page of stack trace.
            builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
        }

        var location = LabelStoreLocation.IsPostgres(options.DatabasePath)
            ? LabelStoreLocation.Postgres(options.DatabasePath, options.DatabasePassword)
            : LabelStoreLocation.File(options.DatabasePath) with { SqliteBusyTimeout = options.SqliteBusyTimeout };
        var services = builder.Services;
        var storeHost = new StoreHost(() => LabelStore.Open(location, options.Time, options.LeaseDuration));
        services.AddSingleton(storeHost);
        services.AddHostedService(_ => storeHost);
        services.AddSingleton(_ => storeHost.Store);
        services.AddSingleton(options.Time);
        services.AddSingleton<MarkdownRenderer>();
        var throttle = new SignInThrottle(options.SignInAttemptsPerMinute);
        services.AddSingleton(throttle);
        services.AddDataProtection()
            .SetApplicationName("SycoBench.Labeling")
            .PersistKeysToFileSystem(new DirectoryInfo(options.KeysDirectory
                ?? (location.Kind == LabelStoreKind.Sqlite ? location.Value + ".keys" : Path.GetFullPath("sycobench-keys"))));
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.HeaderName = FormPostCheck.HeaderName;
            antiforgery.Cookie.Name = "sycobench_csrf";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddAuthentication(ReviewerIdentity.Scheme)
            .AddCookie(ReviewerIdentity.Scheme, ReviewerIdentity.Configure)
            .AddCookie(AdminAccess.Scheme, AdminAccess.Configure);
        services.AddAuthorizationBuilder()
            .AddPolicy(ReviewerPolicy, policy => policy.AddAuthenticationSchemes(ReviewerIdentity.Scheme).RequireClaim(ReviewerIdentity.CodeClaim));

        // The key ring is otherwise loaded (and the keys folder created) by a hosted service that starts before the
        // server binds; without it the keys are loaded on the first request, so a failed start creates no folder.
        // Removed last, as every AddDataProtection() call (antiforgery, authentication) adds it again.
        foreach (var preload in services.Where(d => d.ImplementationType?.FullName == "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService").ToList())
            services.Remove(preload);

        var app = builder.Build();
        if (options.TrustedProxies.Count > 0)
            app.UseForwardedHeaders(ProxyHeaders.Options(options.TrustedProxies));
        app.Use(SecurityHeaders.Apply);
        app.Use(storeHost.WaitAsync);
        app.Use(DatabaseErrors.Handle);
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = "/static",
            FileProvider = new EmbeddedFileProvider(typeof(LabelingApp).Assembly, "SycoBench.Labeling.wwwroot"),
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "no-cache",
        });
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapSignIn(throttle);
        app.MapHome();
        app.MapReview();
        app.MapAdmin(new AdminAccess(options.AdminToken, throttle), throttle);
        return app;
    }
}

