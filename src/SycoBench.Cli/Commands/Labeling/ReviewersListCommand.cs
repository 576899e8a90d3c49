using SycoBench.Labeling.Storage;

namespace SycoBench.Cli.Commands.Labeling;

/// <summary><c>sycobench portal reviewers list</c>: the allow-list with each reviewer's number of reviews.</summary>
public sealed class ReviewersListCommand(CliEnvironment environment) : ExistingStoreCommand<PortalSettings>(environment)
{
    protected override void Run(LabelStore store, PortalSettings settings) => Environment.Console.Write(ReviewerTable(store.Reviewers.List()));

    internal static Table ReviewerTable(IReadOnlyList<ReviewerSummary> reviewers)
    {
        var table = ConsoleTable.Of(
            LabelColumn("code"), LabelColumn("name"), NumberColumn("reviews"), LabelColumn("last review"), LabelColumn("state"));
        foreach (var r in reviewers)
        {
            table.AddRow(
                TerminalSafety.Escape(r.Account.Code), TerminalSafety.Escape(r.Account.Name), r.Reviews.ToString(CultureInfo.InvariantCulture),
                TerminalSafety.Escape(r.LastReviewAt ?? "—"), r.Account.IsActive ? "active" : "disabled");
        }

        return table;
    }
}
