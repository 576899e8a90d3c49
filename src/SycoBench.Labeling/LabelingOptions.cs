using SycoBench.Labeling.Web;

namespace SycoBench.Labeling;

/// <summary>Settings of the review web app, validated once by <see cref="LabelingApp.Build"/>.</summary>
public sealed record LabelingOptions
{
    public const int MinimumAdminTokenLength = 16;

    /// <summary>
    /// The label store as <c>--db</c> names it: a SQLite file, or a PostgreSQL address or connection string (see
    /// <see cref="Storage.LabelStoreLocation"/>); created or migrated to the current schema on start.
    /// </summary>
    public required string DatabasePath { get; init; }

    /// <summary>The PostgreSQL password when <see cref="DatabasePath"/> names none (the command line passes <c>PGPASSWORD</c>).</summary>
    public string? DatabasePassword { get; init; }

    /// <summary>The secret that opens the admin pages (as <c>Authorization: Bearer …</c> or through the admin sign-in form).</summary>
    public required string AdminToken { get; init; }

    /// <summary>How long an assigned item stays reserved for its reviewer; it counts toward the item's three reviews meanwhile.</summary>
    public TimeSpan LeaseDuration { get; init; } = Storage.LabelStore.DefaultLeaseDuration;

    /// <summary>Sign-in attempts allowed per client address and minute (reviewer and admin sign-in together).</summary>
    public int SignInAttemptsPerMinute { get; init; } = 10;

    /// <summary>
    /// Where the keys protecting the cookies live; by default a folder beside a SQLite database (so restarts keep
    /// reviewers signed in), and <c>sycobench-keys</c> in the working directory for a PostgreSQL one.
    /// </summary>
    public string? KeysDirectory { get; init; }

    /// <summary>
    /// Addresses or networks (<c>10.0.0.5</c>, <c>10.0.0.0/8</c>) of reverse proxies whose <c>X-Forwarded-For</c> and
    /// <c>X-Forwarded-Proto</c> headers are believed: the client's address (for the sign-in limit) and whether the
    /// request came over HTTPS (for Secure cookies). Empty: the headers are ignored.
    /// </summary>
    public IReadOnlyList<string> TrustedProxies { get; init; } = [];

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>How long a SQLite store waits for another program's lock (see <see cref="Storage.LabelStoreLocation"/>).</summary>
    internal TimeSpan SqliteBusyTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Write warnings and the listening addresses to the console (the command line does; tests do not).</summary>
    public bool LogToConsole { get; init; }

    /// <summary>Whether a <see cref="TrustedProxies"/> entry is an IP address or a network in CIDR notation.</summary>
    public static bool IsAddressOrNetwork(string text) => ProxyHeaders.TryParse(text, out _);

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(DatabasePath))
            throw new ArgumentException("a database path is needed", nameof(DatabasePath));
        if (string.IsNullOrEmpty(AdminToken) || AdminToken.Length < MinimumAdminTokenLength)
            throw new ArgumentException($"the admin token must have at least {MinimumAdminTokenLength} characters", nameof(AdminToken));
        if (LeaseDuration <= TimeSpan.Zero)
            throw new ArgumentException("the lease duration must be positive", nameof(LeaseDuration));
        foreach (var proxy in TrustedProxies)
        {
            if (!ProxyHeaders.TryParse(proxy, out _))
                throw new ArgumentException($"'{proxy}' is not an IP address or a network such as 10.0.0.0/8", nameof(TrustedProxies));
        }

        if (SignInAttemptsPerMinute < 1)
            throw new ArgumentException("at least one sign-in attempt per minute must be allowed", nameof(SignInAttemptsPerMinute));
    }
}
