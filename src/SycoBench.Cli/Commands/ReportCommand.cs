using SycoBench.Charts;
using SycoBench.Records;
using SycoBench.Reporting;

namespace SycoBench.Cli.Commands;

/// <summary><c>sycobench report</c>: the summary CSV, paired statistics, charts and report.html of a scored run.</summary>
public sealed class ReportCommand(CliEnvironment environment) : Command<ReportSettings>
{
    private const int MaxProblemLines = 10;

    /// <summary>Marks a model in the console table whose answers a judge of its own family scored.</summary>
    internal const string OwnFamilyMark = "⚠";

    public static void Register(IConfigurator config) =>
        config.AddCommand<ReportCommand>("report")
            .WithDescription("Summarise a scored run: summary CSV, paired statistics, charts and one self-contained report.html.")
            .WithExample("report", "--input", "outputs/runs/1760158358/run_scored.jsonl")
            .WithExample("report", "--input", "run_scored.jsonl", "--out", "/tmp/r", "--threshold", "0.5", "--seed", "7")
            .WithExample("report", "--input", "judge-a/run_scored.jsonl", "--input", "judge-b/run_scored.jsonl", "--out", "compare");

    public override int Execute(CommandContext context, ReportSettings settings, CancellationToken cancellationToken)
    {
        var input = environment.Resolve(settings.Input!);
        if (!File.Exists(input))
            throw new InputException($"{environment.Display(input)}: file not found");

        var scenario = ReportScenarioResolver.Resolve(settings.Scenario, input, environment.WorkingDirectory);
        foreach (var warning in scenario.Warnings)
            environment.Warn(warning);

        var inputs = CompareInputs(settings, input, scenario);

        var labelWarnings = new List<string>();
        var labels = ReportModelLabels.Read(input, environment.WorkingDirectory, labelWarnings);
        foreach (var warning in labelWarnings)
            environment.Warn(warning);

        var options = new ReportOptions
        {
            InputPath = input,
            Inputs = inputs,
            OutputDirectory = settings.Out is null ? null : environment.Resolve(settings.Out),
            Scenario = scenario.Scenario,
            ScenarioSource = scenario.Source,
            RecordedScenarioSha256 = scenario.RecordedSha256,
            ScenarioWarnings = scenario.Warnings,
            Study = environment.Study,
            PricesReadOn = scenario.PricesReadOn,
            Threshold = settings.Threshold,
            Seed = settings.Seed,
            HolmFamily = settings.ParsedHolmFamily,
            MissingData = settings.ParsedMissing,
            ModelLabels = labels,
            Charts = new ReportChartRenderer(settings.ChartOutput),
            Transcripts = !settings.NoTranscripts,
            Target = settings.ParsedTarget,
        };

        var guard = new OutputGuard(environment);
        foreach (var other in inputs.Skip(1))
        {
            guard.Input("--input", other.Path)
                .InputIfFile("--input", Path.Combine(Path.GetDirectoryName(other.Path)!, Running.RunFolder.ManifestFile));
        }

        guard
            .Input("--input", input)
            .InputIfFile("--scenario", settings.Scenario)
            .InputIfFile("--input", Path.Combine(Path.GetDirectoryName(input)!, Running.RunFolder.ManifestFile))
            .Folder("--out", options.ResolveOutputDirectory(), [options.SummaryFileName, ReportFiles.StatsJson, ReportFiles.StatsCsv, ReportFiles.Html, ReportFiles.Transcripts], ReportFiles.ChartPrefix);

        var console = environment.Console;
        if (!options.Charts.FontAvailable)
            environment.Warn("no DejaVu or Liberation font found: the charts will have no text (install Debian's fonts-dejavu-core)");
        console.MarkupLineInterpolated($"Reading [bold]{environment.Display(input)}[/] (scenario {scenario.Scenario.Id}, {scenario.Source}) …");
        var result = new ReportBuilder(environment.Time).Run(options, cancellationToken);
        var report = result.Report;

        foreach (var problem in report.Quality.Problems.Take(MaxProblemLines))
            environment.Warn($"{environment.Display(input)}:{problem.Line.ToString(CultureInfo.InvariantCulture)}: {problem.Message}");
        if (report.Quality.MalformedLines > MaxProblemLines)
            environment.Warn($"{environment.Display(input)}: {(report.Quality.MalformedLines - MaxProblemLines).ToString(CultureInfo.InvariantCulture)} more malformed lines (see report.html)");
        if (LatestPerKey.Notice(environment.Display(input), report.Quality.SupersededRecords) is { } superseded)
            console.WriteLine(superseded);

        var table = ConsoleTable.Of(
            LabelColumn("model"), NumberColumn("records"), NumberColumn("K"),
            LabelColumn($"SI [[95% CI, {Reporting.Output.Names.Target(options.Target)}]]"), NumberColumn("p"),
            LabelColumn($"B [[95% CI, {Reporting.Output.Names.Target(options.Target)}]]"));
        foreach (var model in report.Models)
        {
            table.AddRow(
                TerminalSafety.Escape(model.ModelId + (model.SameFamilyJudges.Count > 0 ? " " + OwnFamilyMark : "")),
                model.Records.ToString(CultureInfo.InvariantCulture),
                model.SycophancyIndex.Scenarios.ToString(CultureInfo.InvariantCulture),
                TerminalSafety.Escape(Format(model.SycophancyIndex)),
                TerminalSafety.Escape(FormatP(model.SycophancyP, model.SycophancyPExact)),
                TerminalSafety.Escape(Format(model.Baseline)));
        }

        console.Write(table);
        if (report.Models.Any(m => m.SameFamilyJudges.Count > 0))
        {
            console.WriteLine($"{OwnFamilyMark} judged by its own family: a judge of the model's family scored its answers and may favour them ("
                + string.Join("; ", report.Models.Where(m => m.SameFamilyJudges.Count > 0).Select(m => $"{TerminalText.Clean(m.ModelId)}: {TerminalText.Clean(string.Join(", ", m.SameFamilyJudges))}"))
                + "); score again with a judge of another family or a panel");
        }

        WriteJudges(console, report);
        WriteRunComparison(console, report);
        WriteCosts(console, report.Spending);
        foreach (var note in report.Quality.Notes)
            console.MarkupLineInterpolated($"[yellow]note:[/] {note}");
        var withNotes = report.Models.Count(m => m.Notes.Count > 0);
        if (withNotes > 0)
            console.MarkupLineInterpolated($"[yellow]note:[/] {withNotes} model(s) have notes on missing data; see report.html.");

        console.MarkupLineInterpolated($"Summary: [green]{environment.Display(result.SummaryPath)}[/]");
        console.MarkupLineInterpolated($"Report:  [green]{environment.Display(Path.Combine(result.OutputDirectory, ReportFiles.Html))}[/] (+ {ReportFiles.StatsJson}, {ReportFiles.StatsCsv}, {result.Files.Count(f => f.EndsWith(".png", StringComparison.Ordinal))} charts)");
        var transcripts = Path.Combine(result.OutputDirectory, ReportFiles.Transcripts);
        if (!options.Transcripts && File.Exists(transcripts))
            environment.Warn($"{environment.Display(transcripts)} is from an earlier report and was not rewritten (--no-transcripts)");
        if (options.Transcripts)
            console.MarkupLineInterpolated($"Answers: [green]{environment.Display(Path.Combine(result.OutputDirectory, ReportFiles.Transcripts))}[/] (open it with sycobench view {environment.Display(result.OutputDirectory)})");
        return SycoBenchCli.ExitOk;
    }

    /// <summary>
    /// Several --input runs: each must be a file of the same scenario (and recorded scenario SHA when both record one);
    /// a run is labelled by its folder's name, or its file's name when folders clash. One input: no list.
    /// </summary>
    private List<ReportInput> CompareInputs(ReportSettings settings, string first, ResolvedScenario scenario)
    {
        if (settings.Inputs.Length <= 1)
            return [];
        var paths = settings.Inputs.Select(environment.Resolve).ToArray();
        foreach (var path in paths)
        {
            if (!File.Exists(path))
                throw new InputException($"{environment.Display(path)}: file not found");
        }

        if (paths.Distinct(StringComparer.Ordinal).Count() != paths.Length)
            throw new CliUsageException("--input names the same file twice");
        foreach (var path in paths.Skip(1))
        {
            var other = ReportScenarioResolver.Resolve(settings.Scenario, path, environment.WorkingDirectory);
            if (other.Scenario.Sha256 != scenario.Scenario.Sha256
                || (other.RecordedSha256 is { } a && scenario.RecordedSha256 is { } b && a != b))
            {
                throw new CliUsageException(
                    $"{environment.Display(first)} and {environment.Display(path)} are runs of different scenarios ({scenario.Scenario.Id} {Short(scenario.RecordedSha256 ?? scenario.Scenario.Sha256)}, {other.Scenario.Id} {Short(other.RecordedSha256 ?? other.Scenario.Sha256)}): only runs of the same scenario can be compared");
            }
        }

        var labels = paths.Select(p => Path.GetFileName(Path.GetDirectoryName(p)) ?? p).ToArray();
        if (labels.Distinct(StringComparer.Ordinal).Count() != labels.Length)
            labels = paths.Select(Path.GetFileName).Select(n => n ?? "").ToArray();
        if (labels.Distinct(StringComparer.Ordinal).Count() != labels.Length)
            labels = paths.Select((p, i) => $"{labels[i]} #{(i + 1).ToString(CultureInfo.InvariantCulture)}").ToArray();
        return paths.Select((p, i) => new ReportInput(p, labels[i])).ToList();
    }

    private static string Short(string sha) => sha.Length > 12 ? sha[..12] : sha;

    /// <summary>A run scored by a judge panel: SI of each model from each judge's scores alone, and the judges' agreement.</summary>
    private static void WriteJudges(IAnsiConsole console, Report report)
    {
        if (report.JudgeAgreement is not { } agreement)
            return;
        var target = Reporting.Output.Names.Target(report.Metadata.Target);
        console.MarkupLine($"[bold]SI per judge[/] (a panel of {agreement.Judges.Count.ToString(CultureInfo.InvariantCulture)} judges scored the answers; the table above uses the panel mean)");
        var table = ConsoleTable.Of(
            LabelColumn("model"), LabelColumn("judge"), NumberColumn("scored"), NumberColumn("K"), LabelColumn($"SI [[95% CI, {target}]]"),
            NumberColumn("p"));
        foreach (var row in report.JudgeSi)
        {
            table.AddRow(
                TerminalSafety.Escape(row.ModelId),
                TerminalSafety.Escape(row.Judge),
                row.Scored.ToString(CultureInfo.InvariantCulture),
                row.SycophancyIndex.Scenarios.ToString(CultureInfo.InvariantCulture),
                TerminalSafety.Escape(Format(row.SycophancyIndex)),
                TerminalSafety.Escape(FormatP(row.PValue, row.PValueExact)));
        }

        console.Write(table);
        var pairs = ConsoleTable.Of(
            LabelColumn("judge A"), LabelColumn("judge B"), NumberColumn("answers"), NumberColumn("Pearson r"), NumberColumn("mean |A − B|"));
        foreach (var pair in agreement.Pairs)
        {
            pairs.AddRow(
                TerminalSafety.Escape(pair.JudgeA),
                TerminalSafety.Escape(pair.JudgeB),
                pair.Answers.ToString(CultureInfo.InvariantCulture),
                Number(pair.Pearson),
                Number(pair.MeanAbsoluteDifference));
        }

        console.WriteLine($"Judge agreement: Krippendorff's alpha (interval) {Number(agreement.Alpha)} over {agreement.Answers.ToString(CultureInfo.InvariantCulture)} answers scored by at least two judges");
        console.Write(pairs);
    }

    private static string Number(double? value) => value is { } v ? v.ToString("F3", CultureInfo.InvariantCulture) : "—";

    /// <summary>The same model in two runs: the paired SI difference over shared triplets, with its interval and p.</summary>
    private static void WriteRunComparison(IAnsiConsole console, Report report)
    {
        if (report.Metadata.Inputs.Count <= 1)
            return;
        console.MarkupLine("[bold]Runs compared[/]: " + Markup.Escape(string.Join(", ", report.Metadata.Inputs.Select(i => i.Label))));
        var same = report.Comparisons.Where(c => c.SameModel is not null).ToArray();
        if (same.Length == 0)
        {
            console.WriteLine("No model id is in more than one run: no paired difference between runs.");
            return;
        }

        var table = ConsoleTable.Of(
            LabelColumn("model"), LabelColumn("run A"), LabelColumn("run B"), LabelColumn("SI(A) − SI(B) [[95% CI]]"), NumberColumn("K"),
            NumberColumn("p"));
        foreach (var c in same)
        {
            table.AddRow(
                TerminalSafety.Escape(c.SameModel!),
                TerminalSafety.Escape(c.ModelA),
                TerminalSafety.Escape(c.ModelB),
                TerminalSafety.Escape(Format(c.Difference)),
                c.Difference.Scenarios.ToString(CultureInfo.InvariantCulture),
                TerminalSafety.Escape(FormatP(c.PValue, c.PValueExact)));
        }

        console.MarkupLine("Same model in two runs: paired difference over shared triplets (bootstrap 95% CI, sign-flip p)");
        console.Write(table);
    }

    /// <summary>Where the money went: the answers per model and the judging per judge, as report.html shows them.</summary>
    private static void WriteCosts(IAnsiConsole console, Reporting.Spending.SpendingReport spending)
    {
        console.MarkupLine("[bold]Where the money went[/]");
        console.Write(CostTable(Reporting.Spending.SpendingText.Header("model", "answers", compact: true), spending.Models.Append(spending.ModelsTotal)));
        if (spending.Judges.Count > 0)
            console.Write(CostTable(Reporting.Spending.SpendingText.Header("judge", "judged", compact: true), spending.Judges.Append(spending.JudgesTotal)));
        console.WriteLine(Reporting.Spending.SpendingText.Prices(spending));
        foreach (var note in spending.Notes)
            console.MarkupLineInterpolated($"[yellow]note:[/] {note}");
    }

    private static Table CostTable(IReadOnlyList<string> header, IEnumerable<Reporting.Spending.SpendingLine> lines)
    {
        var table = new Table();
        foreach (var (name, i) in header.Select((h, i) => (h, i)))
            table.AddColumn(i is > 0 and < 7 ? NumberColumn(Markup.Escape(name)) : LabelColumn(Markup.Escape(name)));
        foreach (var line in lines)
            table.AddRow(Reporting.Spending.SpendingText.Row(line, compact: true).Select(TerminalSafety.Escape).ToArray());
        return table;
    }

    /// <summary>An exact p is printed as it is (scientific below 0.0001); a Monte-Carlo p cannot go below 1/(M + 1), so it reads "&lt; 0.0001".</summary>
    internal static string FormatP(double? p, bool exact) => p switch
    {
        null => "—",
        < 0.0001 when exact => p.Value.ToString("0.0e+0", CultureInfo.InvariantCulture) + " (exact)",
        < 0.0001 => "< 0.0001",
        _ => p.Value.ToString("0.0000", CultureInfo.InvariantCulture) + (exact ? " (exact)" : ""),
    };

    private static string Format(Reporting.Paired.Estimate estimate) =>
        estimate.Value is not { } value
            ? "—"
            : estimate.Low is { } low && estimate.High is { } high
                ? string.Create(CultureInfo.InvariantCulture, $"{value:F3} [{low:F3}, {high:F3}]")
                : value.ToString("F3", CultureInfo.InvariantCulture);
}
