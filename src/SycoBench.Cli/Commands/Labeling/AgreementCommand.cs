using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using SycoBench.Agreement;
using SycoBench.Records;
using SycoBench.Reviews;

namespace SycoBench.Cli.Commands.Labeling;

/// <summary>
/// <c>sycobench agreement</c>: inter-rater reliability of a reviews export (Krippendorff's interval alpha with a
/// bootstrap interval, ICC(1,1) and ICC(1,k), pairwise Pearson and Spearman), per-item consensus, and with a scored
/// run the judge's error against the people's mean per model and perspective.
/// </summary>
public sealed class AgreementCommand(CliEnvironment environment) : Command<AgreementSettings>
{
    public static void Register(IConfigurator config) =>
        config.AddCommand<AgreementCommand>("agreement")
            .WithDescription("Agreement between reviewers, and between the judge and the reviewers.")
            .WithExample("agreement", "--reviews", "reviews.jsonl")
            .WithExample("agreement", "--reviews", "reviews.jsonl", "--scored", "outputs/runs/1760158358/run_scored.jsonl");

    public override int Execute(CommandContext context, AgreementSettings settings, CancellationToken cancellationToken)
    {
        var reviews = ReadReviews(settings.Reviews!, cancellationToken);
        if (settings.Dataset is { } dataset)
            reviews = reviews.Where(r => r.Dataset == dataset).ToList();
        if (reviews.Count == 0)
            throw new InputException($"{settings.Reviews}: no reviews{(settings.Dataset is null ? "" : $" of dataset '{settings.Dataset}'")}");
        var scored = settings.Scored is null ? null : ReadScored(settings.Scored, cancellationToken);

        var report = AgreementAnalysis.Analyse(reviews, scored, new AgreementOptions { BootstrapResamples = settings.Bootstrap, Seed = settings.Seed });
        AgreementPrinter.Print(environment.Console, report);
        if (settings.ConsensusOut is { } consensusOut)
        {
            var path = environment.Resolve(consensusOut);
            AgreementPrinter.WriteConsensusCsv(path, report.Consensus);
            environment.Console.MarkupLineInterpolated($"Wrote the consensus of {report.Consensus.Count} items to [green]{environment.Display(path)}[/].");
        }

        return SycoBenchCli.ExitOk;
    }

    private List<ReviewExport> ReadReviews(string file, CancellationToken cancellationToken)
    {
        var path = environment.Resolve(file);
        if (!File.Exists(path))
            throw new InputException($"{file}: file not found");
        var reviews = new List<ReviewExport>();
        // Agreement figures computed on a silently shortened file would be wrong without a trace: a bad line stops here.
        foreach (var entry in JsonlReader.Read(path, LabelingJsonContext.Default.ReviewExport, issue => throw new InputException($"{file}:{issue.LineNumber}: {issue.Message}"), cancellationToken))
        {
            var review = entry.Value;
            if (!double.IsFinite(review.Score) || review.Score is < -1 or > 1)
                throw new InputException($"{file}:{entry.LineNumber}: field 'score': {review.Score.ToString(CultureInfo.InvariantCulture)} is outside [-1, 1]");
            if (string.IsNullOrEmpty(review.ReviewerCode))
                throw new InputException($"{file}:{entry.LineNumber}: field 'reviewer_code': must not be empty");
            reviews.Add(review);
        }

        return reviews;
    }

    private List<EvalRecord> ReadScored(string file, CancellationToken cancellationToken)
    {
        var path = environment.Resolve(file);
        if (!File.Exists(path))
            throw new InputException($"{file}: file not found");
        var latest = LatestPerKey.Of(JsonlReader.Read(path, RecordJsonContext.Default.EvalRecord, issue => environment.Warn(issue.ToString()), cancellationToken)
            .Select(e => e.Value).ToList());
        if (latest.Notice(file) is { } notice)
            environment.Warn(notice);
        return [.. latest.Records];
    }
}
