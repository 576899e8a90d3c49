using SycoBench.IO;
using SycoBench.Reporting.Aggregation;
using SycoBench.Reporting.Charts;
using SycoBench.Reporting.Output;

namespace SycoBench.Reporting;

/// <summary>
/// Builds a report from a scored run: reads the file once (streaming, in parallel chunks), computes the summary and the
/// paired statistics, renders the charts and writes <c>&lt;input stem&gt;.csv</c>, stats.json, stats.csv, the charts and
/// report.html. Every file is written to a temporary name and renamed when complete.
/// </summary>
public sealed class ReportBuilder(TimeProvider timeProvider)
{
    public ReportBuilder()
        : this(TimeProvider.System)
    {
    }

    /// <summary>Reads the run and computes the report, writing nothing.</summary>
    public Report Compute(ReportOptions options, CancellationToken cancellationToken = default)
    {
        Validate(options);
        return ComputeValidated(options, new ReportScenario(options.Scenario), cancellationToken);
    }

    /// <summary>
    /// As <see cref="Compute(ReportOptions, CancellationToken)"/>, with the scenario's triplets and prompt matcher built
    /// once by the caller: a study that reports hundreds of runs of one scenario spends about a fifth of each report
    /// building them again (8 ms of a 40 ms report of rent-v1). <paramref name="scenario"/> must be built from
    /// <see cref="ReportOptions.Scenario"/>; it is only read, so reports on several threads may share it.
    /// </summary>
    public Report Compute(ReportOptions options, ReportScenario scenario, CancellationToken cancellationToken = default)
    {
        Validate(options);
        ArgumentNullException.ThrowIfNull(scenario);
        if (!ReferenceEquals(scenario.Scenario, options.Scenario))
            throw new ArgumentException("the report scenario was built from another scenario than the options name", nameof(scenario));
        return ComputeValidated(options, scenario, cancellationToken);
    }

    /// <summary>The report of checked options, on a scenario built from them.</summary>
    private Report ComputeValidated(ReportOptions options, ReportScenario scenario, CancellationToken cancellationToken)
    {
        var thresholds = new Thresholds(options.Threshold);
        RunAggregate run;
        if (options.Inputs.Count > 1)
        {
            // Each run is aggregated on its own (its own key rule), then the models are put side by side.
            var runs = options.Inputs.Select(input => (Aggregate(input.Path, scenario, thresholds, options, cancellationToken), input.Label)).ToArray();
            run = RunAggregator.Combine(runs);
        }
        else
        {
            run = Aggregate(options.InputPath, scenario, thresholds, options, cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return ReportCalculator.Calculate(run, options, timeProvider.GetUtcNow());
    }

    private static RunAggregate Aggregate(string path, ReportScenario scenario, Thresholds thresholds, ReportOptions options, CancellationToken cancellationToken)
    {
        RunAggregate run;
        try
        {
            run = RunAggregator.Aggregate(path, scenario, thresholds, options.Workers, options.ChunkSize, cancellationToken);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InputException($"{path}: file not found");
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new InputException($"{path}: cannot be read ({ex.Message})", ex);
        }

        if (run.Records == 0)
        {
            var why = run.Malformed > 0 && run.Problems.Count > 0
                ? $"none of its {run.Malformed} lines can be read (line {run.Problems[0].Line}: {run.Problems[0].Message})"
                : "it holds no records";
            throw new InputException($"{path}: nothing to report: {why}");
        }

        return run;
    }

    /// <summary>Computes the report and writes its files.</summary>
    public ReportResult Run(ReportOptions options, CancellationToken cancellationToken = default)
    {
        var report = Compute(options, cancellationToken);
        return Write(report, options, cancellationToken);
    }

    /// <summary>Writes the files of a computed report: the summary first, then statistics, charts and the HTML page.</summary>
    public static ReportResult Write(Report report, ReportOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(options);
        var directory = options.ResolveOutputDirectory();
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        var summaryPath = Path.Combine(directory, options.SummaryFileName);

        void Save(IReportFileWriter writer, string name)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = Path.Combine(directory, name);
            AtomicFile.Write(path, stream => writer.Write(report, stream));
            written.Add(path);
        }

        // Charts render on the other cores while the statistics files are written.
        var renderer = options.Charts;
        var rendering = renderer is not null
            ? Task.Run(() => renderer.Render(report), cancellationToken)
            : Task.FromResult<IReadOnlyList<RenderedChart>>([]);
        Save(new SummaryFileWriter(), options.SummaryFileName);
        Save(new StatsJsonWriter(), ReportFiles.StatsJson);
        Save(new StatsCsvWriter(), ReportFiles.StatsCsv);

        var charts = rendering.GetAwaiter().GetResult();
        if (renderer is not null)
        {
            foreach (var chart in charts)
            {
                foreach (var file in chart.Files)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var path = Path.Combine(directory, ReportFiles.ChartPrefix + chart.Name + "." + file.Extension);
                    AtomicFile.Write(path, stream => stream.Write(file.Content));
                    written.Add(path);
                }
            }
        }

        Save(new Reporting.Html.HtmlReportWriter(charts, options.Transcripts && options.Inputs.Count <= 1), ReportFiles.Html);
        if (options.Transcripts && options.Inputs.Count <= 1)
            Save(new Transcripts.TranscriptPageWriter(options), ReportFiles.Transcripts);
        return new ReportResult(report, directory, summaryPath, written);
    }

    private static void Validate(ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.InputPath))
            throw new ArgumentException("the input path is empty", nameof(options));
        if (!(options.Threshold > 0 && options.Threshold <= 1))
            throw new ArgumentOutOfRangeException(nameof(options), options.Threshold, "the threshold must be in (0, 1]");
        if (options.Resamples < 100)
            throw new ArgumentOutOfRangeException(nameof(options), options.Resamples, "at least 100 bootstrap resamples");
        if (options.Permutations < 100)
            throw new ArgumentOutOfRangeException(nameof(options), options.Permutations, "at least 100 permutations");
        if (options.Workers is < 1)
            throw new ArgumentOutOfRangeException(nameof(options), options.Workers, "at least one reading thread");
    }
}
