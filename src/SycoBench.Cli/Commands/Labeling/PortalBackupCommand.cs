using SycoBench.Labeling.Storage;

namespace SycoBench.Cli.Commands.Labeling;

public sealed class PortalBackupSettings : PortalSettings
{
    [CommandOption("--out <PATH>")]
    [Description("The copy to write (a new file; an existing one is never replaced).")]
    public string? Out { get; init; }

    protected override ValidationResult ValidateOptions() => Required(Out, "--out is required (the file to write the copy to)");
}

/// <summary>
/// <c>sycobench portal backup --out FILE</c>: a consistent copy of the label database, taken while the server runs
/// (SQLite's online backup API); the database is read, never changed.
/// </summary>
public sealed class PortalBackupCommand(CliEnvironment environment) : Command<PortalBackupSettings>
{
    public override int Execute(CommandContext context, PortalBackupSettings settings, CancellationToken cancellationToken)
    {
        var location = LabelDb.Resolve(environment, settings.Database);
        if (location.Kind != LabelStoreKind.Sqlite)
            throw new CliUsageException($"--db: portal backup copies a SQLite file; back up a PostgreSQL database with pg_dump, or copy it into a SQLite file with 'sycobench portal migrate --from … --to copy.db'");
        var database = location.Value;
        var target = environment.Resolve(settings.Out!);
        if (string.Equals(Path.GetFullPath(database), Path.GetFullPath(target), StringComparison.Ordinal))
            throw new CliUsageException("--out is the database itself: write the copy to a new file");
        var result = LabelBackup.Backup(database, target);
        environment.Console.MarkupLineInterpolated(
            $"Copied {environment.Display(database)} to [green]{environment.Display(target)}[/]: {InvariantNumber.Count(result.Items)} items, {InvariantNumber.Count(result.Reviews)} reviews, {InvariantNumber.Count(result.AiReviews)} AI reviews, schema version {result.SchemaVersion}, {InvariantNumber.Count(result.Bytes)} bytes.");
        return SycoBenchCli.ExitOk;
    }
}
