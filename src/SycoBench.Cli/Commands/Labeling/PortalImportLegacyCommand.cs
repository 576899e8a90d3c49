using SycoBench.Labeling.Storage;

namespace SycoBench.Cli.Commands.Labeling;

public sealed class PortalImportLegacySettings : PortalSettings
{
    [CommandOption("--from <PATH>")]
    [Description("A label database made by the original tool (tables llm_responses and reviews); read, never changed.")]
    public string? From { get; init; }

    protected override ValidationResult ValidateOptions() => Required(From, "--from is required (a database of the original labeling tool)");
}

/// <summary>
/// <c>sycobench portal import-legacy --from OLD.db</c>: brings a team's database from the original tool into the label
/// database (created when missing): items, people's and AI reviews, scores, notes, timestamps. Reviewer names become
/// reviewer accounts; the mapping (with the new sign-in codes) is printed once, when the accounts are made.
/// </summary>
public sealed class PortalImportLegacyCommand(CliEnvironment environment) : Command<PortalImportLegacySettings>
{
    public override int Execute(CommandContext context, PortalImportLegacySettings settings, CancellationToken cancellationToken)
    {
        var from = environment.Resolve(settings.From!);
        var database = LabelDb.Resolve(environment, settings.Database);
        if (!File.Exists(from))
            throw new InputException($"{settings.From}: file not found");
        if (database.Kind == LabelStoreKind.Sqlite && string.Equals(Path.GetFullPath(from), database.Value, StringComparison.Ordinal))
            throw new CliUsageException("--from and --db are the same file: import into a new label database (--db NEW.db)");

        // Read and check the old database first: a file that is not one must not leave a new, empty label store behind.
        var legacy = LegacyImporter.Read(from);
        // Some problems show only while importing (a dataset name the original tool never had): a store this command made
        // for the import is removed again then, as a failed migrate's is.
        var created = database.Kind == LabelStoreKind.Sqlite && !File.Exists(database.Value);
        var store = LabelStore.Open(database);
        LegacyImportResult result;
        try
        {
            result = store.Legacy.Import(legacy);
        }
        catch
        {
            store.Dispose();
            if (created)
                LabelDb.DeleteCreatedSqlite(database.Value);
            throw;
        }

        using var opened = store;

        var console = environment.Console;
        var table = ConsoleTable.Of(LabelColumn(""), NumberColumn("imported"), NumberColumn("there already"));
        table.AddRow("items", InvariantNumber.Count(result.ItemsAdded), InvariantNumber.Count(result.ItemsAlreadyStored));
        table.AddRow("reviews by people", InvariantNumber.Count(result.HumanReviewsAdded), InvariantNumber.Count(result.HumanReviewsAlreadyStored));
        table.AddRow("AI reviews (llm:)", InvariantNumber.Count(result.AiReviewsAdded), InvariantNumber.Count(result.AiReviewsAlreadyStored));
        console.Write(table);
        if (result.NewReviewers.Count > 0)
        {
            var reviewers = new Table().AddColumns("name in the old database", "reviewer code", "sign-in code");
            foreach (var mapping in result.NewReviewers)
                reviewers.AddRow(TerminalSafety.Escape(mapping.LegacyName), TerminalSafety.Escape(mapping.ReviewerCode), TerminalSafety.Escape(mapping.SignInCode));
            console.Write(reviewers);
            console.MarkupLine("[grey]Reviews now carry these codes instead of names. The sign-in codes are stored only as hashes and are shown only this once: give each reviewer theirs.[/]");
        }

        console.MarkupLineInterpolated($"Imported {environment.Display(from)} into [green]{LabelDb.Display(environment, opened.Location)}[/].");
        return SycoBenchCli.ExitOk;
    }
}
