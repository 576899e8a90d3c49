using SycoBench.Agreement;
using SycoBench.Agreement.Page;
using SycoBench.Charts;
using SycoBench.Records;
using SycoBench.Reviews;

namespace SycoBench.Cli.Commands.Labeling;

/// <summary>
/// <c>sycobench agreement</c>: inter-rater reliability of a reviews export (Krippendorff's interval alpha with a
/// bootstrap interval, ICC(1,·) and ICC(2,·), Fleiss' kappa), per-reviewer descriptives, reviewer pairs (correlations,
/// least-squares line, Cohen's kappa), ranges and bin disagreements, the final consensus with the team's decisions,
/// AI reviewers against the human consensus, and with a scored run the judge's error against the reviewers. Writes
/// the analysis files (and with --html agreement.html) into the output folder.
/// </summary>
public sealed class AgreementCommand(CliEnvironment environment) : Command<AgreementSettings>
{
    public override int Execute(CommandContext context, AgreementSettings settings, CancellationToken cancellationToken)
    {
        var reviewsPath = environment.Resolve(settings.Reviews!);
        var outDirectory = settings.Out is { } outDir ? environment.Resolve(outDir) : Path.GetDirectoryName(reviewsPath)!;
        var decisionsPath = settings.Decisions is { } d ? environment.Resolve(d) : null;
        if (settings.ConsensusOut is { } output)
            new OutputGuard(environment).Input("--reviews", settings.Reviews).Input("--scored", settings.Scored).Input("--decisions", settings.Decisions).File("--consensus-out", output);
        var skip = CheckOutputs(settings, reviewsPath, decisionsPath, outDirectory);

        var reviews = ReadReviews(settings.Reviews!, cancellationToken);
        if (settings.Dataset is { } dataset)
        {
            var inFile = reviews.Select(r => r.Dataset).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            reviews = reviews.Where(r => r.Dataset == dataset).ToList();
            if (reviews.Count == 0 && inFile.Count > 0)
                throw new InputException($"{settings.Reviews}: no reviews of dataset '{dataset}' (the file has: {string.Join(", ", inFile)})");
        }

        if (reviews.Count == 0)
            throw new InputException($"{settings.Reviews}: no reviews{(settings.Dataset is null ? "" : $" of dataset '{settings.Dataset}'")}");
        var ai = reviews.Count(r => r.IsAiReview);
        if (!settings.IncludeLlm && ai == reviews.Count)
            throw new InputException($"{settings.Reviews}: no human reviews, only {ai} by AI reviewers (llm: codes); --include-llm counts them as reviewers");
        var scored = settings.Scored is null ? null : ReadScored(settings.Scored, cancellationToken);
        var decisions = decisionsPath is null ? null : ReadDecisions(settings.Decisions!, decisionsPath);

        var report = AgreementAnalysis.Analyse(reviews, scored, new AgreementOptions
        {
            BootstrapResamples = settings.Bootstrap,
            Seed = settings.Seed,
            IncludeAiReviews = settings.IncludeLlm,
            BinEdge = settings.BinEdge,
            Decisions = decisions,
        });
        AgreementPrinter.Print(environment.Console, report);

        var written = AgreementFiles.Write(report, outDirectory, skip).ToList();
        if (settings.Html)
        {
            var page = Path.Combine(outDirectory, AgreementPage.FileName);
            AgreementPage.Write(report, Path.GetFileName(reviewsPath), page, new AgreementChartRenderer());
            written.Add(page);
        }

        environment.Console.MarkupLineInterpolated($"Wrote {string.Join(", ", written.Select(Path.GetFileName))} to [green]{environment.Display(outDirectory)}[/].");
        if (skip.Count > 0)
            environment.Console.MarkupLineInterpolated($"Left {string.Join(", ", skip)} as it is: it is the decisions file read (--decisions).");
        if (settings.ConsensusOut is { } consensusOut)
        {
            var path = environment.Resolve(consensusOut);
            AgreementPrinter.WriteConsensusCsv(path, report.Consensus);
            environment.Console.MarkupLineInterpolated($"Wrote the consensus of {report.Consensus.Count} items to [green]{environment.Display(path)}[/].");
        }

        return SycoBenchCli.ExitOk;
    }

    /// <summary>
    /// No output may replace a file this command reads. The decisions file is often the team review file an earlier
    /// run wrote into the same folder: then that one file is left alone (and its name returned); any other clash is refused.
    /// </summary>
    private HashSet<string> CheckOutputs(AgreementSettings settings, string reviewsPath, string? decisionsPath, string outDirectory)
    {
        var outputs = AgreementFiles.Render(new AgreementReport()).Select(f => f.Name).ToList();
        if (settings.Html)
            outputs.Add(AgreementPage.FileName);
        var inputs = new List<(string Option, string Path)> { ("--reviews", reviewsPath) };
        if (settings.Scored is { } scored)
            inputs.Add(("--scored", environment.Resolve(scored)));
        var skip = new HashSet<string>(StringComparer.Ordinal);
        if (decisionsPath is not null)
        {
            if (string.Equals(decisionsPath, Path.Combine(outDirectory, AgreementFiles.TeamReviewFile), StringComparison.Ordinal))
                skip.Add(AgreementFiles.TeamReviewFile);
            else
                inputs.Add(("--decisions", decisionsPath));
        }

        var consensusOut = settings.ConsensusOut is { } c ? environment.Resolve(c) : null;
        // The consensus CSV is written last: on one of the analysis files it replaced that file after the console said it
        // was written (--out q --consensus-out q/reviewers.csv, exit 0).
        if (consensusOut is not null && outputs.FirstOrDefault(name => string.Equals(Path.Combine(outDirectory, name), consensusOut, StringComparison.Ordinal)) is { } taken)
            throw new CliUsageException($"--consensus-out {environment.Display(consensusOut)} is the {taken} this command writes into --out; choose another path");

        foreach (var (option, path) in inputs)
        {
            var clash = outputs.FirstOrDefault(name => !skip.Contains(name) && string.Equals(Path.Combine(outDirectory, name), path, StringComparison.Ordinal));
            if (clash is not null || string.Equals(consensusOut, path, StringComparison.Ordinal))
                throw new CliUsageException($"{option} {environment.Display(path)} would be overwritten by this command's output; choose another --out");
        }

        return skip;
    }

    private List<ReviewExport> ReadReviews(string file, CancellationToken cancellationToken)
    {
        var reviews = new List<ReviewExport>();
        // Agreement figures computed on a silently shortened file would be wrong without a trace: a bad line stops here.
        foreach (var entry in InputFiles.ReadEveryLine(environment, file, LabelFileJsonContext.Default.ReviewExport, cancellationToken))
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

    private List<EvalRecord> ReadScored(string file, CancellationToken cancellationToken) => [.. InputFiles.ReadScored(environment, file, cancellationToken)];

    private static ConsensusDecisions ReadDecisions(string file, string path)
    {
        if (!File.Exists(path))
            throw new InputException($"{file}: file not found");
        using var reader = new StreamReader(path);
        return ConsensusDecisions.Read(reader, file);
    }
}
