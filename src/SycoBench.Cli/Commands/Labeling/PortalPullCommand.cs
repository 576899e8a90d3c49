using System.Text;
using SycoBench.Labeling;
using SycoBench.Labeling.Storage;
using SycoBench.Records;
using SycoBench.Reviews;

namespace SycoBench.Cli.Commands.Labeling;

/// <summary>
/// <c>sycobench portal pull</c>: exports reviews (human and AI) with the reviewed text, as JSONL or CSV: one dataset or
/// all, into one file or, by default, one file per dataset where the original tool put them.
/// </summary>
public sealed class PortalPullCommand(CliEnvironment environment) : AsyncCommand<PortalPullSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, PortalPullSettings settings, CancellationToken cancellationToken)
    {
        var database = LabelDb.RequireExisting(environment, settings.Database);
        // Every output is checked before the database is opened (opening it may migrate it).
        var guard = new OutputGuard(environment).Store("--db", database).Input("--db", database);
        if (settings.Out is not null)
            guard.File("--out", settings.Out);
        else if (!settings.All)
            guard.File("--out", settings.DefaultPath(settings.Dataset));
        using var store = LabelStore.Open(database);
        if (!settings.All)
            LabelDb.RequireDataset(store, settings.Dataset);

        if (settings.Out is { } outFile)
        {
            var outPath = environment.Resolve(outFile);
            await ExportAsync(store, settings.All ? null : settings.Dataset, outPath, settings, cancellationToken);
            return SycoBenchCli.ExitOk;
        }

        // Without --out, the original tool's layout: data/humanLabel/reviews/<dataset>_reviews.jsonl, a file per dataset.
        var datasets = settings.All ? LabelDatasets.BuiltIn.Union(store.Datasets.Names(), StringComparer.Ordinal).ToArray() : [settings.Dataset];
        foreach (var dataset in datasets)
            guard.File("--out", environment.Resolve(settings.DefaultPath(dataset)));
        foreach (var dataset in datasets)
            await ExportAsync(store, dataset, environment.Resolve(settings.DefaultPath(dataset)), settings, cancellationToken);
        return SycoBenchCli.ExitOk;
    }

    private async Task ExportAsync(LabelStore store, string? dataset, string outPath, PortalPullSettings settings, CancellationToken cancellationToken)
    {
        var reviews = store.Export.Reviews(dataset).ToList();
        if (settings.Csv)
            await WriteCsvAtomicallyAsync(outPath, reviews, cancellationToken);
        else
            JsonlFile.WriteAll(outPath, reviews, RecordJsonContext.Default.ReviewExport);

        var items = reviews.Select(r => r.LlmResponseId).Distinct().Count();
        var ai = reviews.Count(r => r.IsAiReview);
        var reviewers = reviews.Select(r => r.ReviewerCode).Distinct(StringComparer.Ordinal).Count();
        var aiNote = ai == 0 ? "" : $", {ai} of them by AI reviewers (llm: codes)";
        environment.Console.MarkupLineInterpolated(
            $"Wrote {reviews.Count} reviews of {items} items by {reviewers} reviewers{aiNote} ([bold]{dataset ?? PortalPullSettings.AllDatasets}[/]) to [green]{environment.Display(outPath)}[/].");
    }

    private static Task WriteCsvAtomicallyAsync(string path, IReadOnlyList<ReviewExport> reviews, CancellationToken cancellationToken) =>
        AtomicFile.WriteAsync(path, async (stream, token) =>
        {
            await using var writer = AtomicFile.TextWriter(stream);
            await ReviewCsv.WriteAsync(writer, reviews, token);
        }, cancellationToken);
}
