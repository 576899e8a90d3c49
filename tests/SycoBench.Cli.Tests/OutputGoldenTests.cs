using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SycoBench.Cli.Tests;

/// <summary>
/// Every file the demo and the report over the reference run write, against golden files in tests/fixtures/golden
/// (<c>SYCOBENCH_UPDATE_GOLDEN=1</c> rewrites them), and the published figures of that report (made once, see
/// <see cref="ReferenceReport"/>). A clean-up of the code must leave these outputs byte-identical.
/// Only what truly depends on the clock, the machine or the build is normalised before comparing:
/// <list type="bullet">
/// <item>the test's temporary folder (absolute paths) and the simulator's loopback port;</item>
/// <item>wall-clock times (ISO timestamps, the report's "generated" time and date, the run id, which is the start time
/// in Unix seconds, the simulated response's <c>created</c> seconds, and a span of answer times, which is one time when
/// every answer came within the same second), durations and latencies;</item>
/// <item>the simulator's request counter (<c>chatcmpl-sim-N</c>: the order in which concurrent requests arrive);</item>
/// <item>the order of JSONL lines (answers are appended as concurrent requests finish: lines are compared sorted);</item>
/// <item>sizes and hashes of files that hold latencies (their digits vary), and the SycoBench version.</item>
/// </list>
/// Binary outputs (PNG charts) are compared by SHA-256, except the demo's: a chart's title carries the date of the
/// run, which is today for the demo, so its pixels change every day. The demo's PNGs (files and the images inlined in
/// report.html) are listed but not compared (and drawn at 72 dpi); the same charts are compared as SVG, whose date is
/// normalised like any other. The reference run is dated in its records, so its PNGs are compared by hash. Two files of the demo are listed but not compared, because
/// they follow the order in which concurrent answers finished: the response cache (SQLite pages; its entries are checked
/// by the cache tests) and transcripts.html (models appear in the order their first answer was written; the same page
/// of the reference run, read from a file in a fixed order, is compared byte for byte).
/// </summary>
public sealed partial class OutputGoldenTests(ReferenceReport reference) : IClassFixture<ReferenceReport>
{
    [Fact]
    public async Task Demo_writes_the_same_files_as_before()
    {
        using var cwd = new TempDirectory();

        // The demo's PNG charts are listed, not compared (see above), so its report draws them at 72 dpi: no other file
        // depends on the resolution, and the default demo in DemoCommandTests draws them at the default 300 dpi.
        var result = await CliRun.InProcessAsync(cwd.Path, new Dictionary<string, string>(), ["--dpi", "72"], default,
            "demo", "--out", "demo", "--samples", "1", "--seed", "7");

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Golden.AssertFolderMatches("demo", Normalised(cwd.Path, "demo", ["cache/responses.db", "report/transcripts.html"], datedCharts: true));
    }

    [Fact]
    public void Report_of_the_reference_run_writes_the_same_files_as_before()
    {
        var result = reference.Result;

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Golden.AssertFolderMatches("reference-report", Normalised(reference.Path, "report", [], datedCharts: false));
    }

    [Fact]
    public void Published_run_gives_the_published_summary_statistics_charts_and_page()
    {
        var result = reference.Result;

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(File.ReadAllBytes(Fixtures.Reference("run_scored.csv")), File.ReadAllBytes(Path.Combine(reference.Path, "report/run_scored.csv")));
        foreach (var name in new[] { "stats.json", "stats.csv", "report.html", "chart-si-forest.png", "chart-stance-mix.svg", "chart-score-distribution.png", "chart-si-by-factor.png" })
            Assert.True(File.Exists(Path.Combine(reference.Path, "report", name)), name);
        using var stats = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(reference.Path, "report/stats.json")));
        Assert.Equal(2, stats.RootElement.GetProperty("models").GetArrayLength());
        var families = stats.RootElement.GetProperty("models").EnumerateArray()
            .ToDictionary(m => m.GetProperty("model_id").GetString()!, m => m.GetProperty("same_family_judges").EnumerateArray().Select(j => j.GetString()!).ToArray());
        Assert.Equal(["openai/gpt-oss-20b:free"], families["openai/gpt-oss-20b:free"]);
        Assert.Empty(families["nvidia/nemotron-nano-9b-v2:free"]);
        // The console table marks the model judged by its own family, and a legend line says what the mark means.
        Assert.Contains("openai/gpt-oss-20b:free ⚠", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("nemotron-nano-9b-v2:free ⚠", result.Output, StringComparison.Ordinal);
        Assert.Contains("⚠ judged by its own family: a judge of the model's family scored its answers and may favour them (openai/gpt-oss-20b:free: openai/gpt-oss-20b:free)", result.Output.ReplaceLineEndings(" "), StringComparison.Ordinal);
        Assert.Contains("Summary: report/run_scored.csv", result.Output, StringComparison.Ordinal);
        Assert.Equal("", result.Error);
    }

    private static Dictionary<string, string> Normalised(string workingDirectory, string folder, string[] notCompared, bool datedCharts)
    {
        var root = Path.Combine(workingDirectory, folder);
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var name = Path.GetRelativePath(root, path).Replace('\\', '/');
            files[name] = notCompared.Contains(name)
                ? "(not compared: see OutputGoldenTests)\n"
                : name.EndsWith(".png", StringComparison.Ordinal)
                    ? datedCharts
                        ? "(not compared: the chart shows today's date; its .svg twin is compared)\n"
                        : "sha256 " + Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))) + "\n"
                    : Normalise(File.ReadAllText(path), workingDirectory, name.EndsWith(".jsonl", StringComparison.Ordinal), datedCharts && name.EndsWith(".html", StringComparison.Ordinal));
        }

        return files;
    }

    private static string Normalise(string text, string workingDirectory, bool sortLines, bool inlinesDatedCharts)
    {
        text = text.Replace(workingDirectory, "<cwd>", StringComparison.Ordinal);
        if (inlinesDatedCharts)
            text = InlinePng().Replace(text, "data:image/png;base64,<png drawn today>");
        foreach (var (pattern, replacement) in Rules)
            text = pattern.Replace(text, replacement);
        if (!sortLines)
            return text;
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Array.Sort(lines, StringComparer.Ordinal);
        return string.Join('\n', lines) + "\n";
    }

    [GeneratedRegex("data:image/png;base64,[A-Za-z0-9+/=]+")]
    private static partial Regex InlinePng();

    private static readonly (Regex Pattern, string Replacement)[] Rules =
    [
        (new Regex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?"), "<time>"),
        (new Regex(@"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC"), "<time>"),
        // A span of answer times reads "first to last", or one time when every answer came within the same second.
        (new Regex(@"<time> to <time>"), "<time>"),
        (new Regex(@"\b20\d{2}-\d{2}-\d{2}\b"), "<date>"),
        (new Regex(@"\b1[789]\d{8}\b"), "<unix-seconds>"),
        (new Regex(@"127\.0\.0\.1:\d+"), "127.0.0.1:<port>"),
        (new Regex(@"chatcmpl-sim-\d+"), "chatcmpl-sim-<n>"),
        (new Regex(@"""(\w*latency_ms)"": [\d.]+"), @"""$1"": <ms>"),
        (new Regex(@"""bytes"": \d+"), @"""bytes"": <bytes>"),
        (new Regex(@"[\d,]+ bytes"), "<bytes> bytes"),
        (new Regex(@"SycoBench \d+\.\d+\.\d+\S*"), "SycoBench <version>"),
    ];
}
