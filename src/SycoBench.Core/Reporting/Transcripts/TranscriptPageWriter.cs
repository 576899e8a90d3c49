using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SycoBench.Html;
using SycoBench.Reporting.Aggregation;
using SycoBench.Reporting.Html;
using SycoBench.Reporting.Reading;

namespace SycoBench.Reporting.Transcripts;

/// <summary>
/// transcripts.html: every answer of a scored run, triplet by triplet, in one self-contained page that works from a
/// file (no server, no network). The data sits in <c>&lt;script type="application/json"&gt;</c> blocks — an index of
/// every record (numbers only) and the texts in blocks of <see cref="TranscriptCollector.BlockSize"/> records, parsed
/// only when a row on screen needs them — and one inline script, allowed by its hash under a strict
/// Content-Security-Policy, renders a page of rows at a time. Answers are untrusted: the script renders their Markdown
/// by building elements and text nodes (never parsing HTML), so markup in an answer is shown as text.
/// </summary>
public sealed class TranscriptPageWriter(ReportOptions options) : Output.IReportFileWriter
{
    // Held as they appear on the page (escaped for inline use; escaping again changes nothing), so the hashes match.
    private static readonly Lazy<string> Script = new(() => InlineCode.Script(Resource("transcripts.js")));
    private static readonly Lazy<string> Style = new(() => InlineCode.Css(Resource("transcripts.css")));

    /// <summary>The Content-Security-Policy of the page: nothing but its own script and style, by hash.</summary>
    public static string ContentSecurityPolicy =>
        $"default-src 'none'; script-src '{Hash(Script.Value)}'; style-src '{Hash(Style.Value)}'; base-uri 'none'; form-action 'none'";

    void Output.IReportFileWriter.Write(Report report, Stream output) => Write(report, output);

    public void Write(Report report, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var meta = report.Metadata;
        var title = $"SycoBench transcripts — {Path.GetFileName(meta.InputPath)}";
        var head = new HtmlWriter();
        head.Add($"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Add($"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Add($"<meta http-equiv=\"Content-Security-Policy\" content=\"{ContentSecurityPolicy}\">")
            .Element("title", title)
            .Add(SafeHtml.StyleElement(Style.Value)).Add($"</head><body>\n")
            .Element("h1", title)
            .Element("p", $"Scenario {meta.ScenarioId} ({meta.ScenarioTitle}); swing = {meta.PositiveSide} score − {meta.NegativeSide} score "
                + $"of the same model, judge and sample on one matched triplet (+1 favours the {meta.PositiveSide}). "
                + "Answers are shown as their Markdown renders, with any markup in them as plain text.", "small")
            .Add($"<noscript><p class=\"warn\">This page needs JavaScript to show the answers.</p></noscript>\n")
            .Add(Controls);
        output.Write(Encoding.UTF8.GetBytes(head.ToString()));

        var scenario = new ReportScenario(options.Scenario);
        using var collector = new TranscriptCollector(scenario, output);
        var scan = ChunkedLineScanner.Scan(options.InputPath, [collector], options.ChunkSize, cancellationToken);
        collector.Finish();
        collector.NumberLines(scan);
        cancellationToken.ThrowIfCancellationRequested();

        output.Write("<script type=\"application/json\" id=\"transcript-index\">"u8);
        WriteIndex(report, collector, output);
        output.Write("</script>\n"u8);
        output.Write(Encoding.UTF8.GetBytes(SafeHtml.ScriptElement(Script.Value).Value));
        output.Write("\n</body></html>\n"u8);
    }

    /// <summary>The links from report.html to the rows of one model.</summary>
    public static string LinkTo(string modelId) =>
        ReportFiles.Transcripts + "#model=" + Uri.EscapeDataString(modelId);

    private static SafeHtml Controls => H.Html($"""
        <div id="controls">
        <label>model <select id="f-model"></select></label>
        <span id="f-levels"></span>
        <label>perspective <select id="f-side"></select></label>
        <label>judge <select id="f-judge"><option value="any">any outcome</option><option value="failed">judge failed</option><option value="ok">no judge failure</option></select></label>
        <label>sort <select id="f-sort"><option value="swing">swing, largest first</option><option value="swing-asc">swing, smallest first</option><option value="triplet">triplet order</option></select></label>
        </div>
        <p id="status" class="small"></p>
        <div id="pager-top" class="pager"></div>
        <div id="rows"></div>
        <div id="pager-bottom" class="pager"></div>

        """);

    private static void WriteIndex(Report report, TranscriptCollector collector, Stream output)
    {
        var meta = report.Metadata;
        var entries = collector.Entries;
        var latest = new Dictionary<(int, int, int, int), int>(entries.Count);
        for (var i = 0; i < entries.Count; i++)
            latest[(entries[i].Model, entries[i].PromptId, entries[i].Sample, entries[i].Judge)] = i;

        using var json = new Utf8JsonWriter(output, ScriptJson.WriterOptions);
        json.WriteStartObject();
        json.WriteString("input", Path.GetFileName(meta.InputPath));
        json.WriteString("scenario", meta.ScenarioId);
        json.WriteString("generated", meta.GeneratedAt.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture));
        json.WriteStartArray("sides");
        json.WriteStringValue(meta.PositiveSide);
        json.WriteStringValue(meta.NegativeSide);
        json.WriteStringValue(meta.NeutralSide);
        json.WriteEndArray();
        json.WriteStartArray("factors");
        var paraphrases = report.Triplets.Any(t => t.Paraphrase is not null);
        foreach (var factor in paraphrases ? new[] { "amount", "category", "relationship", "paraphrase" } : ["amount", "category", "relationship"])
            json.WriteStringValue(factor);
        json.WriteEndArray();
        json.WriteStartArray("triplets");
        foreach (var triplet in report.Triplets)
        {
            json.WriteStartArray();
            json.WriteStringValue(triplet.Amount);
            json.WriteStringValue(triplet.Category);
            json.WriteStringValue(triplet.Relationship);
            if (paraphrases)
                json.WriteStringValue(triplet.Paraphrase ?? "");
            json.WriteEndArray();
        }

        json.WriteEndArray();
        WriteNames(json, "models", collector.Models);
        WriteNames(json, "judges", collector.Judges);
        json.WriteStartArray("prompts");
        foreach (var prompt in collector.Prompts)
        {
            // Re-encoded, never copied raw: the writer's encoder escapes the markup characters of every string.
            using var document = JsonDocument.Parse(prompt);
            document.RootElement.WriteTo(json);
        }

        json.WriteEndArray();
        json.WriteNumber("block", TranscriptCollector.BlockSize);
        json.WriteNumber("superseded", entries.Count - latest.Count);
        json.WriteNumber("unplaced", collector.Unplaced);
        json.WriteNumber("malformed", collector.Malformed);
        json.WriteStartArray("records");
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (latest[(entry.Model, entry.PromptId, entry.Sample, entry.Judge)] != i)
                continue;
            json.WriteStartArray();
            json.WriteNumberValue(entry.Model);
            json.WriteNumberValue(entry.Triplet);
            json.WriteNumberValue((int)entry.Role);
            json.WriteNumberValue(entry.Sample);
            json.WriteNumberValue(entry.Judge);
            if (entry.Score is { } score && double.IsFinite(score))
                json.WriteNumberValue(score);
            else
                json.WriteNullValue();
            json.WriteNumberValue((int)entry.Outcome);
            json.WriteNumberValue(entry.Line);
            json.WriteNumberValue(entry.Prompt);
            json.WriteNumberValue(entry.Text);
            json.WriteEndArray();
            if (json.BytesPending > 1 << 16)
                json.Flush();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
    }

    private static void WriteNames(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
            json.WriteStringValue(value);
        json.WriteEndArray();
    }

    private static string Hash(string content) =>
        "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(content)));

    private static string Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("SycoBench.Transcripts." + name)
            ?? throw new InvalidOperationException($"resource {name} is missing from the build");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
