using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using SycoBench.Records;
using SycoBench.Reporting;
using SycoBench.Reporting.Transcripts;
using SycoBench.Scenarios;

namespace SycoBench.Tests.Reporting.Transcripts;

/// <summary>transcripts.html as text: data cannot leave its JSON blocks, the script is the one the policy allows, every record is indexed.</summary>
public sealed partial class TranscriptPageWriterTests
{
    private const string Breakout = "</script><script>window.__pwned = 1</script><!-- <script> </SCRIPT >";

    [Fact]
    public void Markup_in_any_text_of_the_run_stays_inside_its_json_block_and_reads_back_unchanged()
    {
        using var dir = new TempDirectory();
        var scenario = ScoredRunWriter.Rent;
        var prompt = GridBuilder.Build(scenario, includeNeutral: true).Triplets[0].Prompts[0];
        var record = ScoredRunWriter.Record("m/" + Breakout, prompt, 0.5) with
        {
            ResponseText = "answer " + Breakout,
            Messages = [new PromptMessage { Role = "user", Content = "question " + Breakout }],
            ScorerModel = "judge " + Breakout,
            EvalRawResponse = JsonDocument.Parse("{\"choices\": [{\"message\": {\"content\": \"" + JsonEncodedText.Encode("0.5 " + Breakout) + "\"}}]}").RootElement.Clone(),
        };
        var input = new ScoredRunWriter(scenario).Add(record).Write(dir.File("run_scored.jsonl"));

        var result = new ReportBuilder().Run(ScoredRunWriter.Options(input, scenario, dir.Path));
        var html = File.ReadAllText(Path.Combine(result.OutputDirectory, ReportFiles.Transcripts));

        // Every "</script" in the page closes one of its own script elements: no data closed one early.
        Assert.Equal(Count(html, "<script"), Count(html, "</script"));
        Assert.DoesNotContain("<!--", html, StringComparison.Ordinal);
        var blocks = JsonBlocks().Matches(html).Select(m => m.Groups["json"].Value).ToArray();
        Assert.Equal(2, blocks.Length); // one text block, the index

        var texts = JsonDocument.Parse(blocks[0]).RootElement[0];
        Assert.Equal("answer " + Breakout, texts[0].GetString());
        Assert.Equal("judge " + Breakout, texts[2][0][0].GetString());
        Assert.Equal("0.5 " + Breakout, texts[2][0][2][0].GetString());
        var index = JsonDocument.Parse(blocks[1]).RootElement;
        Assert.Equal("m/" + Breakout, index.GetProperty("models")[0].GetString());
        Assert.Equal("question " + Breakout, index.GetProperty("prompts")[0][0].GetProperty("content").GetString());
        Assert.Equal(0.5, index.GetProperty("records")[0][5].GetDouble());
    }

    [Fact]
    public void The_only_script_is_the_one_the_content_security_policy_names_by_hash()
    {
        using var dir = new TempDirectory();
        var (_, result) = TranscriptRun.Write(dir);
        var html = File.ReadAllText(Path.Combine(result.OutputDirectory, ReportFiles.Transcripts));

        var scripts = Regex.Matches(html, "<script>(?<code>.*?)</script>", RegexOptions.Singleline);
        var script = Assert.Single(scripts).Groups["code"].Value;
        var hash = "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script)));
        var policy = Regex.Match(html, "http-equiv=\"Content-Security-Policy\" content=\"(?<csp>[^\"]+)\"").Groups["csp"].Value.Replace("&#39;", "'", StringComparison.Ordinal);
        Assert.Contains($"script-src '{hash}'", policy, StringComparison.Ordinal);
        Assert.StartsWith("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);

        // Text reaches the page only as text nodes: the script has no way to parse HTML.
        foreach (var sink in new[] { "innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function", "DOMParser", "createContextualFragment" })
            Assert.DoesNotContain(sink, script, StringComparison.Ordinal);
    }

    [Fact]
    public void The_index_holds_every_record_once_with_its_line_and_the_latest_record_of_a_key()
    {
        using var dir = new TempDirectory();
        var scenario = ScoredRunWriter.Rent;
        var prompts = GridBuilder.Build(scenario, includeNeutral: true).Triplets[2].Prompts;
        var landlord = prompts.Single(p => p.Perspective == "landlord");
        var writer = new ScoredRunWriter(scenario);
        foreach (var prompt in prompts)
            writer.Add(ScoredRunWriter.Record("m", prompt, prompt.Perspective == "tenant" ? -0.5 : 0.1));
        writer.Add(ScoredRunWriter.Record("m", landlord, 0.7)); // a re-score of the landlord answer: the latest counts
        var input = writer.Write(dir.File("run_scored.jsonl"));
        File.AppendAllText(input, "not json\n");

        var result = new ReportBuilder().Run(ScoredRunWriter.Options(input, scenario, dir.Path));
        var html = File.ReadAllText(Path.Combine(result.OutputDirectory, ReportFiles.Transcripts));
        var index = JsonDocument.Parse(JsonBlocks().Matches(html).Last().Groups["json"].Value).RootElement;

        var records = index.GetProperty("records").EnumerateArray().ToArray();
        Assert.Equal(3, records.Length);
        Assert.Equal(1, index.GetProperty("superseded").GetInt32());
        Assert.Equal(1, index.GetProperty("malformed").GetInt32());
        var landlordRecord = Assert.Single(records, r => r[2].GetInt32() == 0);
        Assert.Equal(0.7, landlordRecord[5].GetDouble());
        Assert.Equal(4, landlordRecord[7].GetInt64()); // the fourth line of the file
        Assert.All(records, r => Assert.Equal(2, r[1].GetInt32()));
        Assert.Equal(["landlord", "tenant", "neutral"], index.GetProperty("sides").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public void A_line_the_report_cannot_read_is_malformed_on_the_page_too_never_shown_as_an_answer()
    {
        // The page and the statistics read one file: a score of 1.7 (outside the judge's scale) or a sample written as
        // a string is a malformed line for the report, so the page must not show it as the latest answer of its key.
        using var dir = new TempDirectory();
        var scenario = ScoredRunWriter.Rent;
        var prompts = GridBuilder.Build(scenario, includeNeutral: true).Triplets[2].Prompts;
        var landlord = prompts.Single(p => p.Perspective == "landlord");
        var tenant = prompts.Single(p => p.Perspective == "tenant");
        var writer = new ScoredRunWriter(scenario);
        foreach (var prompt in prompts)
            writer.Add(ScoredRunWriter.Record("m", prompt, prompt.Perspective == "tenant" ? -0.5 : 0.1));
        var input = writer.Write(dir.File("run_scored.jsonl"));
        var outside = JsonSerializer.Serialize(ScoredRunWriter.Record("m", landlord, 0.1) with { Score = 1.7 }, RecordJsonContext.Default.EvalRecord);
        var stringSample = JsonSerializer.Serialize(ScoredRunWriter.Record("m", tenant, 0.9), RecordJsonContext.Default.EvalRecord)[..^1] + ", \"sample\": \"0\"}";
        File.AppendAllLines(input, [outside, stringSample]);

        var result = new ReportBuilder().Run(ScoredRunWriter.Options(input, scenario, dir.Path));
        var html = File.ReadAllText(Path.Combine(result.OutputDirectory, ReportFiles.Transcripts));
        var index = JsonDocument.Parse(JsonBlocks().Matches(html).Last().Groups["json"].Value).RootElement;

        var records = index.GetProperty("records").EnumerateArray().ToArray();
        Assert.Equal(3, records.Length);
        Assert.Equal(2, index.GetProperty("malformed").GetInt32());
        Assert.Equal(0, index.GetProperty("superseded").GetInt32());
        Assert.Equal([0.1, -0.5, 0.1], records.OrderBy(r => r[7].GetInt64()).Select(r => r[5].GetDouble()));
    }

    [Fact]
    public void Report_html_links_each_model_to_its_rows()
    {
        using var dir = new TempDirectory();
        var (_, result) = TranscriptRun.Write(dir);
        var html = File.ReadAllText(Path.Combine(result.OutputDirectory, ReportFiles.Html));

        Assert.Contains("<a href=\"transcripts.html#model=a%2Fnarrow\">a/narrow</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"transcripts.html#model=b%2Fwide\">b/wide</a>", html, StringComparison.Ordinal);
    }

    private static int Count(string text, string value) => Regex.Count(text, Regex.Escape(value), RegexOptions.IgnoreCase);

    [GeneratedRegex("<script type=\"application/json\"[^>]*>(?<json>.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex JsonBlocks();
}
