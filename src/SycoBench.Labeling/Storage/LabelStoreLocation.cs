using Npgsql;

namespace SycoBench.Labeling.Storage;

/// <summary>
/// Where a label store lives, from the <c>--db</c> argument: a file path means SQLite; <c>postgres://user@host:port/db</c>
/// (or <c>postgresql://</c>) or an Npgsql connection string (<c>Host=…;Database=…</c>) means PostgreSQL. A password is
/// best left out of the argument (command lines are visible to everyone on a shared machine): when none is given,
/// <paramref name="password"/> (the CLI passes <c>PGPASSWORD</c>) is used.
/// </summary>
public sealed record LabelStoreLocation
{
    private LabelStoreLocation(LabelStoreKind kind, string value, string display)
    {
        Kind = kind;
        Value = value;
        Display = display;
    }

    public LabelStoreKind Kind { get; }

    /// <summary>The file's full path (SQLite) or the Npgsql connection string (PostgreSQL, password included).</summary>
    public string Value { get; }

    /// <summary>For messages: the path, or <c>postgres://user@host:port/database</c> without the password.</summary>
    public string Display { get; }

    /// <summary>
    /// How long a SQLite store waits for a lock another program holds before the operation fails as busy (five seconds);
    /// tests of a locked file set a shorter wait. PostgreSQL stores ignore it.
    /// </summary>
    internal TimeSpan SqliteBusyTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public static LabelStoreLocation File(string fullPath) =>
        new(LabelStoreKind.Sqlite, Path.GetFullPath(fullPath), Path.GetFullPath(fullPath));

    /// <summary>Whether the argument names a PostgreSQL database rather than a file.</summary>
    public static bool IsPostgres(string argument) =>
        argument.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || argument.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || (argument.Contains('=', StringComparison.Ordinal)
            && argument.Split(';').Any(part => part.TrimStart().StartsWith("Host", StringComparison.OrdinalIgnoreCase)
                                               && part.Contains('=', StringComparison.Ordinal)));

    /// <summary>A file path (resolved against the working directory by the caller) or a PostgreSQL connection.</summary>
    public static LabelStoreLocation Parse(string argument, string? password = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(argument);
        return IsPostgres(argument) ? Postgres(argument, password) : File(argument);
    }

    public static LabelStoreLocation Postgres(string argument, string? password = null)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = argument.Contains("://", StringComparison.Ordinal) ? FromUrl(argument) : new NpgsqlConnectionStringBuilder(argument);
        }
        catch (ArgumentException ex)
        {
            throw new InputException($"--db: not a PostgreSQL connection string ({ex.Message})", ex);
        }

        if (string.IsNullOrEmpty(builder.Host))
            throw new InputException("--db: the PostgreSQL connection names no host");
        if (string.IsNullOrEmpty(builder.Database))
            throw new InputException($"--db: the PostgreSQL connection to {builder.Host} names no database");
        if (string.IsNullOrEmpty(builder.Password) && !string.IsNullOrEmpty(password))
            builder.Password = password;
        // Statements the store runs on every request are prepared once per pooled connection.
        if (builder.MaxAutoPrepare == 0)
            builder.MaxAutoPrepare = 64;
        var user = string.IsNullOrEmpty(builder.Username) ? "" : Uri.EscapeDataString(builder.Username) + "@";
        var display = $"postgres://{user}{builder.Host}:{builder.Port}/{Uri.EscapeDataString(builder.Database)}";
        return new LabelStoreLocation(LabelStoreKind.Postgres, builder.ConnectionString, display);
    }

    private static NpgsqlConnectionStringBuilder FromUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("postgres" or "postgresql"))
            throw new InputException($"--db: '{Redact(url)}' is not a postgres://user@host:port/database address");
        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host, Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')) };
        if (uri.Port > 0)
            builder.Port = uri.Port;
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0)
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]);
            try
            {
                builder[key switch { "sslmode" => "SSL Mode", "application_name" => "Application Name", "connect_timeout" => "Timeout", _ => key }] = value;
            }
            catch (ArgumentException ex)
            {
                throw new InputException($"--db: unknown connection parameter '{key}' ({ex.Message})", ex);
            }
        }

        return builder;
    }

    private static string Redact(string url)
    {
        var at = url.IndexOf('@', StringComparison.Ordinal);
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        return at > 0 && scheme > 0 && at > scheme ? url[..(scheme + 3)] + "…" + url[at..] : url;
    }
}
