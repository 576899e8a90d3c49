using System.Globalization;
using System.Text;
using SycoBench.Html;
using SycoBench.Reporting.Charts;
using SycoBench.Reporting.Output;

namespace SycoBench.Reporting.Html;

/// <summary>
/// report.html: one self-contained page (charts inlined as PNG data, no script, no link to anything) with the headline
/// table, the charts, what was missing, the per-factor and per-threshold tables, the comparisons, the summary, the run's
/// metadata and the method notes. Every value is HTML-encoded.
/// </summary>
public sealed class HtmlReportWriter(IReadOnlyList<RenderedChart> charts, bool transcripts = false) : IReportFileWriter
{
    private const string Style = """
        body{font-family:"DejaVu Sans",Arial,sans-serif;margin:2rem auto;max-width:1200px;color:#222;line-height:1.45;padding:0 1rem}
        h1{font-size:1.6rem}h2{margin-top:2.2rem;border-bottom:1px solid #ccc;padding-bottom:.2rem}h3{margin-bottom:.3rem}
        table{border-collapse:collapse;margin:.6rem 0 1.2rem;font-size:.86rem}th,td{border:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top}
        th{background:#f4f4f4}td{font-variant-numeric:tabular-nums}.notes li{margin:.2rem 0}.warn{background:#fff6e0;border:1px solid #e8c66a;padding:.6rem 1rem}
        figure{margin:1rem 0 2rem}figure img{max-width:100%;height:auto;border:1px solid #eee}figcaption{font-size:.9rem;color:#555}
        .meta td:first-child{font-weight:bold;white-space:nowrap}.small{font-size:.85rem;color:#555}
        """;

    /// <summary>The sections after the charts, in page order: each a heading and what writes its body.</summary>
    private static readonly (string Heading, Action<HtmlWriter, Report> Write)[] Sections =
    [
        ("Variance components of Δ", ReportTables.VarianceComponents),
        ("SI by factor", ReportTables.ByFactor),
        ("Rates at each threshold (exploratory)", ReportTables.Thresholds),
        ("Answers per perspective", ReportTables.Perspectives),
        ("Model comparisons", ReportTables.Comparisons),
        ("Where the money went", CostTables.Write),
        ("Summary (SPEC §6)", ReportTables.Summary),
        ("Run", ReportTables.Metadata),
        ("Method", (html, report) => MethodNotes.Write(html, report.Metadata)),
    ];

    public void Write(Report report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var meta = report.Metadata;
        var html = new HtmlWriter();
        html.StaticPageHead($"SycoBench report: {meta.RunTitle}", Style);

        html.Element("h1", $"SycoBench report — {meta.RunTitle}");
        html.Element("p", $"Scenario {meta.ScenarioId} ({meta.ScenarioTitle}); {Show.Count(meta.Records)} records of "
            + $"{Show.Count(report.Models.Count)} model(s); generated {meta.GeneratedAt.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)} "
            + $"by SycoBench {meta.Version}.", "small");
        html.Element("p", $"How much does each model lean toward whoever asks? SI > 0: it sides with the asker "
            + $"(the {meta.PositiveSide} hears {meta.PositiveLabel} answers, the {meta.NegativeSide} {meta.NegativeLabel} ones); "
            + "SI < 0: contrarian. " + ReportTables.TargetSentence(meta.Target));

        WriteMissing(html, report);
        html.Element("h2", "Headline");
        ReportTables.Headline(html, report);
        ReportTables.HeadlineLegend(html, report);
        if (transcripts)
            Transcripts.TranscriptLinks.Write(html, report, "The answers behind each row, most sycophantic triplets first (transcripts.html):");
        ReportTables.RunComparison(html, report);
        JudgeTables.Write(html, report);
        WriteCharts(html, report);
        foreach (var (heading, write) in Sections)
        {
            html.Element("h2", heading);
            write(html, report);
        }

        html.Add($"</body></html>\n");
        output.Write(Encoding.UTF8.GetBytes(html.ToString()));
    }

    private static void WriteMissing(HtmlWriter html, Report report)
    {
        var quality = report.Quality;
        var modelNotes = report.Models.Where(m => m.Notes.Count > 0).ToArray();
        if (quality.Notes.Count == 0 && modelNotes.Length == 0 && quality.Problems.Count == 0 && quality.ErrorExamples.Count == 0)
            return;

        html.Element("h2", "What was missing");
        html.Add($"<div class=\"warn\">");
        if (quality.Notes.Count > 0)
            html.List(quality.Notes, "notes");
        foreach (var model in modelNotes)
        {
            html.Element("h3", model.ModelId);
            html.List(model.Notes, "notes");
        }

        if (quality.Problems.Count > 0)
        {
            html.Element("h3", $"Lines that could not be read ({Show.Count(quality.MalformedLines)})");
            html.Table(["line", "problem"], quality.Problems.Take(20).Select(p => new[] { Show.Count(p.Line), p.Message }));
        }

        if (quality.ErrorExamples.Count > 0)
        {
            html.Element("h3", "Examples of rows without a score");
            html.Table(["line", "kind", "model", "error"],
                quality.ErrorExamples.Select(e => new[] { Show.Count(e.Line), Names.Outcome(e.Outcome), e.ModelId, e.Error }));
        }

        html.Add($"</div>\n");
    }

    /// <summary>" Also as chart-si-forest.png and .svg." — the chart's files beside the report.</summary>
    private static string FilesNote(RenderedChart chart)
    {
        if (chart.Files.Count == 0)
            return "";
        var names = chart.Files.Select((f, i) => (i == 0 ? ReportFiles.ChartPrefix + chart.Name : "") + "." + f.Extension).ToArray();
        return " Also as " + (names.Length == 1 ? names[0] : string.Join(", ", names[..^1]) + " and " + names[^1]) + ".";
    }

    private void WriteCharts(HtmlWriter html, Report report)
    {
        if (charts.Count == 0)
            return;
        html.Element("h2", "Charts");
        foreach (var chart in charts)
        {
            html.Add($"<figure>")
                .Image(chart)
                .Add($"<figcaption>")
                .Element("strong", chart.Title)
                .Text(". " + chart.Caption + FilesNote(chart))
                .Add($"</figcaption></figure>\n");
        }

        if (transcripts)
            Transcripts.TranscriptLinks.Write(html, report, "The triplets behind these charts, by model:");
    }
}
