using System.Text;
using Spectre.Console;
using Spectre.Console.Cli;
using SycoBench.Labeling.Storage;
using SycoBench.Records;
using SycoBench.Reviews;

namespace SycoBench.Cli.Commands.Labeling;

/// <summary><c>sycobench portal pull</c>: exports a dataset's reviews (SPEC §7 fields) as JSONL or CSV.</summary>
public sealed class PortalPullCommand(CliEnvironment environment) : AsyncCommand<PortalPullSettings>
{
    public static void Register(IConfigurator<CommandSettings> config) =>
        config.AddCommand<PortalPullCommand>("pull")
            .WithDescription("Export the reviews of a dataset as JSONL (or CSV).")
            .WithExample("portal", "pull", "--target", "reviews", "--dataset", "scenario", "--out", "reviews.jsonl")
            .WithExample("portal", "pull", "--target", "reviews", "--dataset", "scenario", "--out", "reviews.csv", "--format", "csv");

    public override async Task<int> ExecuteAsync(CommandContext context, PortalPullSettings settings, CancellationToken cancellationToken)
    {
        var database = environment.Resolve(settings.Database);
        if (!File.Exists(database))
            throw new InputException($"{settings.Database}: no such label database (create one with 'sycobench portal init-db')");
        using var store = LabelStore.Open(database);
        var reviews = store.Export.Reviews(settings.Dataset!).ToList();
        var outPath = environment.Resolve(settings.Out!);
        if (settings.Csv)
            await WriteCsvAtomicallyAsync(outPath, reviews, cancellationToken);
        else
            JsonlFile.WriteAll(outPath, reviews, LabelingJsonContext.Default.ReviewExport);

        var items = reviews.Select(r => r.LlmResponseId).Distinct().Count();
        var reviewers = reviews.Select(r => r.ReviewerCode).Distinct(StringComparer.Ordinal).Count();
        environment.Console.MarkupLineInterpolated(
            $"Wrote {reviews.Count} reviews of {items} items by {reviewers} reviewers ([bold]{settings.Dataset}[/]) to [green]{environment.Display(outPath)}[/].");
        return SycoBenchCli.ExitOk;
    }

    private static async Task WriteCsvAtomicallyAsync(string path, IReadOnlyList<ReviewExport> reviews, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        try
        {
            await using (var writer = new StreamWriter(temp, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
                await ReviewCsv.WriteAsync(writer, reviews, cancellationToken);
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }
}
