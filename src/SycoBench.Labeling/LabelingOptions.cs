namespace SycoBench.Labeling;

/// <summary>Settings of the review web app, validated once by <see cref="LabelingApp.Build"/>.</summary>
public sealed record LabelingOptions
{
    public const int MinimumAdminTokenLength = 16;

    /// <summary>The SQLite file; created, and migrated to the current schema, on start.</summary>
    public required string DatabasePath { get; init; }

    /// <summary>The secret that opens the admin pages (as <c>Authorization: Bearer …</c> or through the admin sign-in form).</summary>
    public required string AdminToken { get; init; }

    /// <summary>How long an assigned item stays reserved for its reviewer; it counts toward the item's three reviews meanwhile.</summary>
    public TimeSpan LeaseDuration { get; init; } = Storage.LabelStore.DefaultLeaseDuration;

    /// <summary>Sign-in attempts allowed per client address and minute (reviewer and admin sign-in together).</summary>
    public int SignInAttemptsPerMinute { get; init; } = 10;

    /// <summary>Where the keys protecting the cookies live; by default a folder beside the database, so restarts keep reviewers signed in.</summary>
    public string? KeysDirectory { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Write warnings and the listening addresses to the console (the command line does; tests do not).</summary>
    public bool LogToConsole { get; init; }

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(DatabasePath))
            throw new ArgumentException("a database path is needed", nameof(DatabasePath));
        if (string.IsNullOrEmpty(AdminToken) || AdminToken.Length < MinimumAdminTokenLength)
            throw new ArgumentException($"the admin token must have at least {MinimumAdminTokenLength} characters", nameof(AdminToken));
        if (LeaseDuration <= TimeSpan.Zero)
            throw new ArgumentException("the lease duration must be positive", nameof(LeaseDuration));
        if (SignInAttemptsPerMinute < 1)
            throw new ArgumentException("at least one sign-in attempt per minute must be allowed", nameof(SignInAttemptsPerMinute));
    }
}
