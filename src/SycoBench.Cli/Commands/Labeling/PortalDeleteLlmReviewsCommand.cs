using SycoBench.Labeling.Storage;
using SycoBench.Reviews;

namespace SycoBench.Cli.Commands.Labeling;

public sealed class PortalDeleteLlmReviewsSettings : PortalDatasetFilterSettings
{
    [CommandOption("--reviewer <CODE>")]
    [Description("Only the AI reviews of this reviewer, llm:<model id> (default: every AI reviewer).")]
    public string? Reviewer { get; init; }

    [CommandOption("--apply")]
    [Description("Delete. Without it, only show what would be deleted.")]
    public bool Apply { get; init; }

    protected override ValidationResult ValidateOptions()
    {
        if (base.ValidateOptions() is { Successful: false } dataset)
            return dataset;
        if (Reviewer is not null && !AiReviewers.IsAi(Reviewer))
            return ValidationResult.Error($"--reviewer must be an AI reviewer's code, llm:<model id> (got '{Reviewer}'); people's reviews are never deleted");
        return ValidationResult.Success();
    }
}

/// <summary>
/// <c>sycobench portal delete-llm-reviews</c>: removes reviews written by models (<c>llm:</c> codes). A dry run unless
/// <c>--apply</c> is given; people's reviews are never touched.
/// </summary>
public sealed class PortalDeleteLlmReviewsCommand(CliEnvironment environment) : ExistingStoreCommand<PortalDeleteLlmReviewsSettings>(environment)
{
    protected override void Run(LabelStore store, PortalDeleteLlmReviewsSettings settings)
    {
        if (settings.Dataset is { } dataset)
            LabelDb.RequireDataset(store, dataset);
        var counts = store.AiReviews.Counts(settings.Dataset, settings.Reviewer);
        var console = Environment.Console;
        if (counts.Count == 0)
        {
            console.MarkupLine("No AI reviews match; nothing to delete.");
            return;
        }

        var table = ConsoleTable.Of(LabelColumn("dataset"), LabelColumn("AI reviewer"), NumberColumn("reviews"), NumberColumn("items"));
        foreach (var c in counts)
            table.AddRow(TerminalSafety.Escape(c.Dataset), TerminalSafety.Escape(c.ReviewerCode), InvariantNumber.Count(c.Reviews), InvariantNumber.Count(c.Items));
        console.Write(table);
        var total = counts.Sum(c => c.Reviews);
        if (!settings.Apply)
        {
            console.MarkupLineInterpolated($"Dry run: nothing deleted. Add [bold]--apply[/] to delete these {total} AI reviews (people's reviews are never touched).");
            return;
        }

        var deleted = store.AiReviews.Delete(settings.Dataset, settings.Reviewer);
        console.MarkupLineInterpolated($"Deleted {deleted} AI reviews from [green]{LabelDb.Display(Environment, store.Location)}[/].");
    }
}
