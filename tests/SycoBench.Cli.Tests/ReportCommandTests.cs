using System.Text.Json;

namespace SycoBench.Cli.Tests;

/// <summary>
/// <c>report</c>: options, errors and the real program. The report of the reference run with the default options is read
/// in <see cref="OutputGoldenTests"/>, which makes it once for its golden files and the published figures.
/// </summary>
public sealed class ReportCommandTests
{
    [Fact]
    public async Task Files_go_beside_the_input_by_default_named_after_it()
    {
        using var cwd = new TempDirectory();
        Directory.CreateDirectory(cwd.File("runs/1"));
        File.Copy(Fixtures.Reference("run_scored.jsonl"), cwd.File("runs/1/scored.jsonl"));

        var result = await CliRun.InProcessAsync(cwd.Path, "report", "--input", "runs/1/scored.jsonl", "--threshold", "0.5", "--seed", "3", "--format", "svg");

        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(cwd.File("runs/1/scored.csv")));
        Assert.True(File.Exists(cwd.File("runs/1/report.html")));
        using var stats = JsonDocument.Parse(File.ReadAllBytes(cwd.File("runs/1/stats.json")));
        Assert.Equal(0.5, stats.RootElement.GetProperty("method").GetProperty("threshold").GetDouble());
        Assert.Equal(3, stats.RootElement.GetProperty("method").GetProperty("seed").GetInt64());
    }

    [Fact]
    public async Task A_missing_input_is_a_one_line_error_with_exit_code_1()
    {
        using var cwd = new TempDirectory();

        var result = await CliRun.InProcessAsync(cwd.Path, "report", "--input", "nope.jsonl");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: nope.jsonl: file not found", result.Error.Trim());
    }

    [Theory]
    [InlineData("--threshold", "0")]
    [InlineData("--threshold", "1.5")]
    [InlineData("--threshold", "-0.2")]
    public async Task Bad_options_are_usage_errors(string option, string value)
    {
        using var cwd = new TempDirectory();

        var result = await CliRun.InProcessAsync(cwd.Path, "report", "--input", Fixtures.Reference("run_scored.jsonl"), option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: --threshold must be in (0, 1]", result.Error.Trim(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--format", "gif", "error: --format takes png, svg and pdf")]
    [InlineData("--format", "png,png", "error: --format names png twice")]
    [InlineData("--dpi", "50", "error: --dpi must be between 72 and 1200")]
    public async Task Bad_chart_options_are_usage_errors(string option, string value, string message)
    {
        using var cwd = new TempDirectory();

        var result = await CliRun.InProcessAsync(cwd.Path, "report", "--input", Fixtures.Reference("run_scored.jsonl"), option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith(message, result.Error.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Format_pdf_writes_pdf_charts_only_and_the_page_names_them()
    {
        using var cwd = new TempDirectory();

        var result = await CliRun.InProcessAsync(cwd.Path, "report", "--input", Fixtures.Reference("run_scored.jsonl"), "--out", "r", "--format", "pdf");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(4, Directory.GetFiles(cwd.File("r"), "chart-*.pdf").Length);
        Assert.Empty(Directory.GetFiles(cwd.File("r"), "chart-*.png"));
        Assert.Empty(Directory.GetFiles(cwd.File("r"), "chart-*.svg"));
        Assert.StartsWith("%PDF-", File.ReadAllText(cwd.File("r/chart-si-forest.pdf"))[..8], StringComparison.Ordinal);
        Assert.Contains("Also as chart-si-forest.pdf.", File.ReadAllText(cwd.File("r/report.html")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_input_it_says_what_is_needed()
    {
        using var cwd = new TempDirectory();

        var result = await CliRun.InProcessAsync(cwd.Path, "report");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--input is required", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_lines_are_warned_with_their_numbers_and_the_report_is_still_written()
    {
        using var cwd = new TempDirectory();
        var lines = File.ReadAllLines(Fixtures.Reference("run_scored.jsonl")).ToList();
        lines.Insert(1, "{broken");
        File.WriteAllLines(cwd.File("run_scored.jsonl"), lines);

        var result = await CliRun.InProcessAsync(cwd.Path, "report", "--input", "run_scored.jsonl", "--format", "svg");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("warning: run_scored.jsonl:2: malformed line:", result.Error, StringComparison.Ordinal);
        Assert.Contains("1 line could not be read", result.Output, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(Fixtures.Reference("run_scored.csv")), File.ReadAllBytes(cwd.File("run_scored.csv")));
    }

    [Fact]
    public async Task The_scenario_recorded_in_run_grid_json_is_used_and_a_changed_hash_is_a_warning()
    {
        using var cwd = new TempDirectory();
        File.Copy(Fixtures.Reference("run_scored.jsonl"), cwd.File("run_scored.jsonl"));
        File.WriteAllText(cwd.File("run_grid.json"), """{"include_neutral": true, "scenario": {"id": "rent-v1", "sha256": "0000000000000000"}}""");

        var result = await CliRun.InProcessAsync(cwd.Path, "report", "--input", "run_scored.jsonl", "--format", "svg");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("warning:", result.Error, StringComparison.Ordinal);
        Assert.Contains("the run used scenario file sha256 000000000000", result.Error, StringComparison.Ordinal);
        using var stats = JsonDocument.Parse(File.ReadAllBytes(cwd.File("stats.json")));
        Assert.Equal("run_grid.json", stats.RootElement.GetProperty("scenario").GetProperty("source").GetString());
        Assert.Contains("the run used scenario file sha256", File.ReadAllText(cwd.File("report.html")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_recorded_scenario_is_an_input_error_that_suggests_the_option()
    {
        using var cwd = new TempDirectory();
        File.Copy(Fixtures.Reference("run_scored.jsonl"), cwd.File("run_scored.jsonl"));
        File.WriteAllText(cwd.File("run_grid.json"), """{"scenario": "lease-v9"}""");

        var result = await CliRun.InProcessAsync(cwd.Path, "report", "--input", "run_scored.jsonl");
        var forced = await CliRun.InProcessAsync(cwd.Path, "report", "--input", "run_scored.jsonl", "--scenario", "rent-v1", "--format", "svg");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("lease-v9", result.Error, StringComparison.Ordinal);
        Assert.Contains("--scenario", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, forced.ExitCode);
        Assert.Contains("the run recorded scenario 'lease-v9'", forced.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_real_program_writes_the_report()
    {
        using var cwd = new TempDirectory();

        // At 72 dpi: the real program still draws and writes its PNG charts, without the 300 dpi default's 3,000-pixel
        // wide images (0.9 s of processor time for the four; the default is drawn and compared in OutputGoldenTests).
        var result = await CliRun.ProcessAsync(cwd.Path, "report", "--input", Fixtures.Reference("run_scored.jsonl"), "--out", "out", "--dpi", "72");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(File.ReadAllBytes(Fixtures.Reference("run_scored.csv")), File.ReadAllBytes(cwd.File("out/run_scored.csv")));
        Assert.True(new FileInfo(cwd.File("out/chart-si-forest.png")).Length > 1000);
    }
}
