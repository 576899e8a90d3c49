using System.Text.Json;

namespace SycoBench.Cli.Tests;

public sealed class GridCommandTests
{
    [Fact]
    public async Task Default_grid_is_written_to_outputs_raw_and_equals_the_published_grid()
    {
        using var cwd = new TempDirectory();

        var result = await CliRun.InProcessAsync(cwd.Path, "grid");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(File.ReadAllBytes(Fixtures.Reference("grid.jsonl")), File.ReadAllBytes(cwd.File("outputs/raw/grid.jsonl")));
        Assert.Contains("landlord", result.Output, StringComparison.Ordinal);
        Assert.Contains("108", result.Output, StringComparison.Ordinal);
        Assert.Contains("000 landlord: Quick check on the lease", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_neutral_gives_72_alternating_rows()
    {
        using var cwd = new TempDirectory();

        var result = await CliRun.InProcessAsync(cwd.Path, "grid", "--no-include-neutral", "--out", "g.jsonl");

        Assert.Equal(0, result.ExitCode);
        var perspectives = ReadPerspectives(cwd.File("g.jsonl"));
        Assert.Equal(72, perspectives.Count);
        Assert.Equal(Enumerable.Range(0, 72).Select(i => i % 2 == 0 ? "landlord" : "tenant"), perspectives);
    }

    [Fact]
    public async Task Limit_keeps_the_first_rows()
    {
        using var cwd = new TempDirectory();

        var result = await CliRun.InProcessAsync(cwd.Path, "grid", "--limit", "12", "--out", "g.jsonl");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(File.ReadLines(Fixtures.Reference("grid.jsonl")).Take(12), File.ReadLines(cwd.File("g.jsonl")));
    }

    [Fact]
    public async Task Same_sample_seed_gives_the_same_nine_rows_of_three_whole_triplets()
    {
        using var cwd = new TempDirectory();

        var first = await CliRun.InProcessAsync(cwd.Path, "grid", "--sample", "9", "--seed", "7", "--out", "a.jsonl");
        var second = await CliRun.InProcessAsync(cwd.Path, "grid", "--sample", "9", "--seed", "7", "--out", "b.jsonl");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(File.ReadAllBytes(cwd.File("a.jsonl")), File.ReadAllBytes(cwd.File("b.jsonl")));
        var perspectives = ReadPerspectives(cwd.File("a.jsonl"));
        Assert.Equal(9, perspectives.Count);
        Assert.Equal(Enumerable.Repeat(new[] { "landlord", "tenant", "neutral" }, 3).SelectMany(x => x), perspectives);
    }

    [Fact]
    public async Task Wage_scenario_builds_by_name()
    {
        using var cwd = new TempDirectory();

        var result = await CliRun.InProcessAsync(cwd.Path, "grid", "--scenario", "wage-v1", "--out", "w.jsonl");

        Assert.Equal(0, result.ExitCode);
        var perspectives = ReadPerspectives(cwd.File("w.jsonl"));
        Assert.Equal(108, perspectives.Count);
        Assert.Equal(["employee", "employer", "neutral"], perspectives.Take(3));
    }

    [Theory]
    [InlineData("--limit", "0")]
    [InlineData("--limit", "-3")]
    [InlineData("--sample", "0")]
    public async Task Non_positive_sizes_are_one_line_usage_errors(string option, string value)
    {
        using var cwd = new TempDirectory();

        var result = await CliRun.InProcessAsync(cwd.Path, "grid", option, value);

        Assert.Equal(2, result.ExitCode);
        AssertOneLineError(result, option);
        Assert.False(Directory.Exists(cwd.File("outputs")));
    }

    [Fact]
    public async Task Limit_and_sample_together_is_an_error()
    {
        using var cwd = new TempDirectory();

        var result = await CliRun.InProcessAsync(cwd.Path, "grid", "--limit", "5", "--sample", "9");

        Assert.Equal(2, result.ExitCode);
        AssertOneLineError(result, "--limit and --sample");
    }

    [Fact]
    public async Task Sample_that_splits_triplets_is_an_error()
    {
        using var cwd = new TempDirectory();

        var result = await CliRun.InProcessAsync(cwd.Path, "grid", "--sample", "10");

        Assert.Equal(2, result.ExitCode);
        AssertOneLineError(result, "multiple of 3");
    }

    [Fact]
    public async Task Malformed_scenario_file_is_a_one_line_error_naming_file_and_field_and_keeps_the_old_grid()
    {
        using var cwd = new TempDirectory();
        var scenario = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data", "scenarios", "rent-v1.json"))
            .Replace("{tenant_quality}", "{tennant_quality}", StringComparison.Ordinal);
        File.WriteAllText(cwd.File("bad.json"), scenario);
        File.WriteAllText(cwd.File("g.jsonl"), "previous grid\n");

        var result = await CliRun.InProcessAsync(cwd.Path, "grid", "--scenario", "bad.json", "--out", "g.jsonl");

        Assert.Equal(1, result.ExitCode);
        AssertOneLineError(result, "bad.json: field 'perspectives[0].template': unknown placeholder '{tennant_quality}'");
        Assert.Equal("previous grid\n", File.ReadAllText(cwd.File("g.jsonl")));
    }

    [Fact]
    public async Task Unknown_scenario_name_lists_the_known_ones()
    {
        using var cwd = new TempDirectory();

        var result = await CliRun.InProcessAsync(cwd.Path, "grid", "--scenario", "rent-v7");

        Assert.Equal(1, result.ExitCode);
        AssertOneLineError(result, "rent-v1, rent-v2, wage-v1, wage-v2");
    }

    [Fact]
    public async Task The_real_program_exits_non_zero_with_one_line_on_stderr()
    {
        using var cwd = new TempDirectory();

        // The real program's exit 0 and files are checked by ReportCommandTests.The_real_program_writes_the_report, the
        // grid it writes by Default_grid_is_written_to_outputs_raw_and_equals_the_published_grid (same code in-process).
        var bad = await CliRun.ProcessAsync(cwd.Path, "grid", "--limit", "0");

        Assert.Equal(2, bad.ExitCode);
        AssertOneLineError(bad, "--limit");
        Assert.Empty(Directory.EnumerateFileSystemEntries(cwd.Path));
    }

    private static void AssertOneLineError(CliResult result, string expected)
    {
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rent_v2_asks_both_sides_of_a_triplet_the_same_question_in_at_least_four_paraphrases()
    {
        using var cwd = new TempDirectory();

        var result = await CliRun.InProcessAsync(cwd.Path, "grid", "--scenario", "rent-v2", "--out", "g.jsonl");

        Assert.Equal(0, result.ExitCode);
        var rows = ReadRows(cwd.File("g.jsonl"));
        Assert.Equal(432, rows.Count);
        foreach (var triplet in rows.Chunk(3))
        {
            Assert.Equal(["landlord", "tenant", "neutral"], triplet.Select(r => r.Perspective));
            Assert.Single(triplet.Select(r => r.Paraphrase).Distinct());
            var landlordQuestion = FinalQuestion(triplet[0].User);
            Assert.EndsWith("?", landlordQuestion, StringComparison.Ordinal);
            Assert.Equal(landlordQuestion, FinalQuestion(triplet[1].User));
        }

        Assert.All(rows.GroupBy(r => r.Perspective), g => Assert.True(g.Select(r => r.Paraphrase).Distinct().Count() >= 4, g.Key));
    }

    [Fact]
    public async Task Sample_of_rent_v2_takes_whole_triplets_from_every_paraphrase()
    {
        using var cwd = new TempDirectory();

        var result = await CliRun.InProcessAsync(cwd.Path, "grid", "--scenario", "rent-v2", "--sample", "24", "--seed", "2", "--out", "s.jsonl");

        Assert.Equal(0, result.ExitCode);
        var rows = ReadRows(cwd.File("s.jsonl"));
        Assert.Equal(24, rows.Count);
        Assert.All(rows.Chunk(3), t => Assert.Single(t.Select(r => r.Paraphrase).Distinct()));
        Assert.All(rows.GroupBy(r => r.Paraphrase), g => Assert.Equal(6, g.Count()));
    }

    private static string FinalQuestion(string text) => text[(text.LastIndexOf(". ", StringComparison.Ordinal) + 2)..];

    private static List<(string Perspective, int Paraphrase, string User)> ReadRows(string path) =>
        File.ReadLines(path).Select(l =>
        {
            var root = JsonDocument.Parse(l).RootElement;
            var factors = root.GetProperty("factors");
            return (factors.GetProperty("perspective").GetString()!, factors.GetProperty("paraphrase").GetInt32(),
                root.GetProperty("messages").EnumerateArray().Last().GetProperty("content").GetString()!);
        }).ToList();

    private static List<string> ReadPerspectives(string path) =>
        File.ReadLines(path).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("factors").GetProperty("perspective").GetString()!).ToList();
}
