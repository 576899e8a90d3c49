using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using SycoBench.Labeling;
using SycoBench.Labeling.Storage;

namespace SycoBench.Cli.Commands.Labeling;

/// <summary><c>sycobench portal status</c>: items by review count, reviewers and coverage per dataset.</summary>
public sealed class PortalStatusCommand(CliEnvironment environment) : Command<PortalStatusSettings>
{
    public static void Register(IConfigurator<CommandSettings> config) =>
        config.AddCommand<PortalStatusCommand>("status")
            .WithDescription("Show items by review count, reviewers and coverage.")
            .WithExample("portal", "status", "--dataset", "scenario");

    public override int Execute(CommandContext context, PortalStatusSettings settings, CancellationToken cancellationToken)
    {
        var database = environment.Resolve(settings.Database);
        if (!File.Exists(database))
            throw new InputException($"{settings.Database}: no such label database (create one with 'sycobench portal init-db')");
        using var store = LabelStore.Open(database);
        var datasets = settings.Dataset is { } one ? [one] : LabelDatasets.All;

        var table = new Table().AddColumns("dataset", "items", "0 reviews", "1", "2", "3+", "reviews", "reviewers", "leased now", "coverage");
        for (var i = 1; i < table.Columns.Count; i++)
            table.Columns[i].RightAligned();
        foreach (var dataset in datasets)
        {
            var s = store.Items.Status(dataset);
            table.AddRow(
                dataset, N(s.Items), N(s.ItemsByReviewCount[0]), N(s.ItemsByReviewCount[1]), N(s.ItemsByReviewCount[2]), N(s.ItemsByReviewCount[3]),
                N(s.Reviews), N(s.Reviewers), N(s.LiveLeases), (s.Coverage * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%");
        }

        var console = environment.Console;
        console.Write(table);
        console.MarkupLine("[grey]coverage: share of the reviews needed for three per item that are done.[/]");
        console.Write(ReviewersListCommand.ReviewerTable(store.Reviewers.List()));
        return SycoBenchCli.ExitOk;
    }

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
}
