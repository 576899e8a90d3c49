using SycoBench.Labeling;
using SycoBench.Labeling.Storage;

namespace SycoBench.Cli.Commands.Labeling;

/// <summary><c>sycobench portal status</c>: items by review count, reviewers and coverage per dataset.</summary>
public sealed class PortalStatusCommand(CliEnvironment environment) : ExistingStoreCommand<PortalDatasetFilterSettings>(environment)
{
    protected override void Run(LabelStore store, PortalDatasetFilterSettings settings)
    {
        var datasets = settings.Dataset is { } one ? [LabelDb.RequireDataset(store, one)] : store.Datasets.ListWithBuiltIn();

        // One column per dataset keeps the table narrow enough for any terminal.
        var statuses = datasets.Select(d => store.Items.Status(d.Name)).ToList();
        var table = ConsoleTable.Of(LabelColumn(""));
        foreach (var s in statuses)
            table.AddColumn(NumberColumn(s.Dataset));
        void Row(string label, Func<DatasetStatus, string> value) => table.AddRow([label, .. statuses.Select(value)]);
        table.AddRow(["scale (−1 … +1)", .. datasets.Select(d => TerminalSafety.Escape($"{d.Scale.NegativeLabel} … {d.Scale.PositiveLabel}"))]);
        Row("items", s => InvariantNumber.Count(s.Items));
        Row("  with 0 reviews", s => InvariantNumber.Count(s.ItemsByReviewCount[0]));
        Row("  with 1 review", s => InvariantNumber.Count(s.ItemsByReviewCount[1]));
        Row("  with 2 reviews", s => InvariantNumber.Count(s.ItemsByReviewCount[2]));
        Row("  with 3 or more", s => InvariantNumber.Count(s.ItemsByReviewCount[3]));
        Row("reviews", s => InvariantNumber.Count(s.Reviews));
        Row("reviewers", s => InvariantNumber.Count(s.Reviewers));
        Row("leased now", s => InvariantNumber.Count(s.LiveLeases));
        Row("coverage", s => (s.Coverage * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%");
        Row("AI reviews (apart)", s => InvariantNumber.Count(s.AiReviews));
        Row("AI reviewers", s => InvariantNumber.Count(s.AiReviewers));
        Row("can't judge (apart)", s => InvariantNumber.Count(s.CannotJudge));

        var console = Environment.Console;
        if (datasets.Count == 0)
            console.MarkupLine("No datasets yet: push answers with [bold]sycobench portal push[/].");
        else
            console.Write(table);
        console.MarkupLine("[grey]coverage: share of the reviews needed for three per item that are done. AI reviews (llm: codes) and \"can't judge\" marks count in none of the rows above them.[/]");
        console.Write(ReviewersListCommand.ReviewerTable(store.Reviewers.List()));
    }
}
