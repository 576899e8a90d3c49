using System.Text.Json;
using System.Text.RegularExpressions;

namespace SycoBench.Cli.Tests;

/// <summary><c>sycobench view</c>: finds transcripts.html from what the user names, opens it with BROWSER, prints its path without a browser.</summary>
public sealed class ViewCommandTests(ReportedReferenceRun reported) : IClassFixture<ReportedReferenceRun>
{
    [Fact]
    public async Task Without_a_browser_it_prints_the_path_and_address_of_the_page_beside_the_run()
    {
        using var cwd = FolderCopy.Of(reported.Path);

        foreach (var target in new[] { "runs/1", "runs/1/run_scored.jsonl", "runs/1/transcripts.html", "runs" })
        {
            var folder = target == "runs" ? cwd.File("runs/report") : null;
            if (folder is not null)
            {
                Directory.CreateDirectory(folder); // the demo's layout: <out>/report/transcripts.html
                File.Copy(cwd.File("runs/1/transcripts.html"), Path.Combine(folder, "transcripts.html"));
            }

            var result = await CliRun.InProcessAsync(cwd.Path, new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin" }, default, "view", target);

            Assert.True(result.ExitCode == 0, result.Error);
            var expected = folder is null ? "runs/1/transcripts.html" : "runs/report/transcripts.html";
            Assert.Equal([expected, new Uri(cwd.File(expected)).AbsoluteUri], result.Output.TrimEnd().Split('\n').Select(l => l.TrimEnd()));
        }
    }

    [Fact]
    public async Task It_opens_the_page_with_the_browser_named_in_BROWSER()
    {
        using var cwd = FolderCopy.Of(reported.Path);
        var browser = cwd.File("fake-browser.sh");
        File.WriteAllText(browser, "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"$(dirname \"$0\")/opened.txt\"\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(browser, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var variables = new Dictionary<string, string> { ["BROWSER"] = "no-such-browser:" + browser + " --new-window", ["PATH"] = "/usr/bin:/bin" };

        var result = await CliRun.InProcessAsync(cwd.Path, variables, default, "view", "runs/1");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("Opened runs/1/transcripts.html with " + browser, result.Output, StringComparison.Ordinal);
        Assert.Equal(["--new-window", new Uri(cwd.File("runs/1/transcripts.html")).AbsoluteUri], File.ReadAllLines(cwd.File("opened.txt")));

        var printed = await CliRun.InProcessAsync(cwd.Path, variables, default, "view", "runs/1", "--print");
        Assert.Equal(0, printed.ExitCode);
        Assert.StartsWith("runs/1/transcripts.html", printed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_browser_that_fails_is_a_warning_and_the_path_is_printed()
    {
        using var cwd = FolderCopy.Of(reported.Path);
        var variables = new Dictionary<string, string> { ["BROWSER"] = "/bin/false", ["PATH"] = "/usr/bin:/bin" };

        var result = await CliRun.InProcessAsync(cwd.Path, variables, default, "view", "runs/1");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("warning: /bin/false ended with exit code 1", result.Error, StringComparison.Ordinal);
        Assert.StartsWith("runs/1/transcripts.html", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_without_the_page_or_a_missing_path_is_an_error_that_says_what_to_do()
    {
        using var cwd = new TempDirectory();
        Directory.CreateDirectory(cwd.File("runs/1"));
        File.Copy(Fixtures.Reference("run_scored.jsonl"), cwd.File("runs/1/run_scored.jsonl"));

        var empty = await CliRun.InProcessAsync(cwd.Path, "view", "runs/1");
        var missing = await CliRun.InProcessAsync(cwd.Path, "view", "runs/2");

        Assert.Equal(1, empty.ExitCode);
        Assert.Equal("error: runs/1: no transcripts.html here; write it with: sycobench report --input runs/1/run_scored.jsonl", empty.Error.TrimEnd());
        Assert.Equal(1, missing.ExitCode);
        Assert.Equal("error: runs/2: not found", missing.Error.TrimEnd());
    }

    [Fact]
    public async Task The_published_run_gives_a_page_with_every_answer_and_the_judge_reply_of_each()
    {
        using var cwd = FolderCopy.Of(reported.Path);

        var html = File.ReadAllText(cwd.File("runs/1/transcripts.html"));
        var blocks = Regex.Matches(html, "<script type=\"application/json\"[^>]*>(.*?)</script>", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToArray();
        using var index = JsonDocument.Parse(blocks[^1]);
        var records = index.RootElement.GetProperty("records").GetArrayLength();
        var lines = File.ReadLines(Fixtures.Reference("run_scored.jsonl")).Count(l => l.Trim().Length > 0);
        Assert.Equal(lines, records + index.RootElement.GetProperty("unplaced").GetInt32() + index.RootElement.GetProperty("superseded").GetInt32());
        Assert.True(records > lines * 0.9, $"{records} of {lines} records placed");
        using var texts = JsonDocument.Parse(blocks[0]);
        var judges = texts.RootElement.EnumerateArray().Select(t => t[2]).Where(j => j.GetArrayLength() > 0).ToArray();
        Assert.NotEmpty(judges);
        Assert.All(judges, j => Assert.Equal("openai/gpt-oss-20b:free", j[0][0].GetString()));
        Assert.Contains(judges, j => j[0][2].GetArrayLength() == 1 && j[0][2][0].GetString()!.Length > 0);
        Assert.Contains("transcripts.html#model=", File.ReadAllText(cwd.File("runs/1/report.html")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_without_transcripts_writes_no_page_and_no_links()
    {
        using var cwd = new TempDirectory();

        var result = await CliRun.InProcessAsync(cwd.Path, "report", "--input", Fixtures.Reference("run_scored.jsonl"), "--out", "r", "--no-transcripts", "--format", "svg");

        Assert.Equal(0, result.ExitCode);
        Assert.False(File.Exists(cwd.File("r/transcripts.html")));
        Assert.DoesNotContain("transcripts.html", File.ReadAllText(cwd.File("r/report.html")), StringComparison.Ordinal);
        Assert.DoesNotContain("Answers:", result.Output, StringComparison.Ordinal);
    }
}
