using SycoBench.Labeling;
using SycoBench.Records;
using SycoBench.Reviews;

namespace SycoBench.Labeling.Tests.Cli;

/// <summary>
/// Data from files and databases never reaches the terminal as a control sequence: an ESC/OSC sequence in a reviewer
/// name or a seed identifier (which would set the terminal's title and clear the screen) is shown as visible
/// stand-ins, in tables, in messages and in errors.
/// </summary>
public sealed class TerminalSafetyTests : IDisposable
{
    private const string Hostile = "Eve\u001b]0;pwned\u0007\u001b[2J\u009b31m\u202e";
    private const string Shown = "Eve␛]0;pwned␇␛[2J\uFFFD31m\uFFFD";

    private readonly TempDirectory _cwd = new();

    public void Dispose() => _cwd.Dispose();

    private Task<CliResult> Run(params string[] args) => CliRun.InProcessAsync(_cwd.Path, args);

    [Fact]
    public async Task A_reviewer_name_with_escape_sequences_is_shown_inert_when_added_and_listed()
    {
        var add = await Run("portal", "reviewers", "add", Hostile, "--db", "team.db");
        var list = await Run("portal", "reviewers", "list", "--db", "team.db");

        Assert.Equal(0, add.ExitCode);
        Assert.Equal(0, list.ExitCode);
        foreach (var output in new[] { add.Output, list.Output })
        {
            AssertInert(output);
            Assert.Contains(Shown, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_seed_identifier_and_reviewer_code_with_escape_sequences_are_shown_inert_in_the_agreement_tables()
    {
        var reviews = new[] { 0.8, -0.6 }.Select((score, i) => new ReviewExport
        {
            LlmResponseId = 1,
            ReviewerCode = Hostile + i,
            Score = score,
            Dataset = "scenario",
            Identifier = "seed-" + Hostile,
            ReviewCreatedAt = "2025-10-11T08:00:00.000Z",
        });
        JsonlFile.WriteAll(_cwd.File("reviews.jsonl"), reviews, RecordJsonContext.Default.ReviewExport);

        var result = await Run("agreement", "--reviews", "reviews.jsonl");

        Assert.Equal(0, result.ExitCode);
        AssertInert(result.Output);
        AssertInert(result.Error);
        Assert.Contains("seed-" + Shown, result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_naming_a_hostile_file_name_is_shown_inert()
    {
        var result = await Run("agreement", "--reviews", Hostile + ".jsonl");

        Assert.NotEqual(0, result.ExitCode);
        AssertInert(result.Error);
        Assert.Contains(Shown + ".jsonl", result.Error, StringComparison.Ordinal);
    }

    private static void AssertInert(string text)
    {
        Assert.DoesNotContain(text, c => (c < ' ' && c != '\n') || c is >= '\u007f' and <= '\u009f' or '\u202e');
    }
}
