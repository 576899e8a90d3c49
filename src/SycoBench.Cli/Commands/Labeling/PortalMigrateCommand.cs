using SycoBench.Labeling.Storage;

namespace SycoBench.Cli.Commands.Labeling;

public sealed class PortalMigrateSettings : CommandSettings
{
    [CommandOption("--from <PATH|URL>")]
    [Description("The label store to copy (SQLite file or PostgreSQL address, as --db); read, never changed. It must be at the current schema version.")]
    public string? From { get; init; }

    [CommandOption("--to <PATH|URL>")]
    [Description("The store to copy into: a new SQLite file, or an empty PostgreSQL database (the server admin creates it). A store holding anything is refused.")]
    public string? To { get; init; }

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(From))
            return ValidationResult.Error("--from is required (the label store to copy)");
        return string.IsNullOrWhiteSpace(To) ? ValidationResult.Error("--to is required (the store to copy into)") : ValidationResult.Success();
    }
}

/// <summary>
/// <c>sycobench portal migrate --from A --to B</c>: copies a whole label store between SQLite and PostgreSQL (either
/// way): items, reviewers, sessions, reviews, AI reviews, "can't judge", leases and counts, with the same ids. The
/// source is never changed; a target that holds anything is refused, and a SQLite target file the copy created is
/// removed again when the copy fails.
/// </summary>
public sealed class PortalMigrateCommand(CliEnvironment environment) : Command<PortalMigrateSettings>
{
    public override int Execute(CommandContext context, PortalMigrateSettings settings, CancellationToken cancellationToken)
    {
        var from = LabelDb.Resolve(environment, settings.From, "--from");
        var to = LabelDb.Resolve(environment, settings.To, "--to");
        if (from.Kind == to.Kind && string.Equals(from.Display, to.Display, StringComparison.Ordinal))
            throw new CliUsageException("--from and --to are the same store: copy into a new file or another database");
        new OutputGuard(environment).Input("--from", from).Store("--to", to);
        if (!LabelDb.Exists(from))
            throw new InputException($"{LabelDb.Display(environment, from)}: no such label database");

        using var source = LabelStore.OpenExisting(from, environment.Time);
        var created = to.Kind == LabelStoreKind.Sqlite && !File.Exists(to.Value);
        LabelCopyResult result;
        try
        {
            using var target = LabelStore.Open(to, environment.Time);
            if (!LabelStoreCopier.IsEmpty(target))
                throw new CliUsageException($"--to {LabelDb.Display(environment, to)} holds a label store with data already: refusing to mix two stores; choose a new file or an empty database");
            result = LabelStoreCopier.Copy(source, target);
        }
        catch when (created)
        {
            LabelDb.DeleteCreatedSqlite(to.Value);
            throw;
        }

        var console = environment.Console;
        console.MarkupLineInterpolated($"Copied {LabelDb.Display(environment, from)} to [green]{LabelDb.Display(environment, to)}[/]:");
        var table = ConsoleTable.Of(LabelColumn("table"), NumberColumn("rows"));
        foreach (var (name, rows) in result.Tables)
            table.AddRow(Markup.Escape(name), rows.ToString(CultureInfo.InvariantCulture));
        console.Write(table);
        return SycoBenchCli.ExitOk;
    }
}
