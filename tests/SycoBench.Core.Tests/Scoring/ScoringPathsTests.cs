using SycoBench.Scoring;

namespace SycoBench.Tests.Scoring;

public sealed class ScoringPathsTests
{
    [Fact]
    public void The_default_input_is_the_newest_run_and_the_output_sits_beside_it()
    {
        using var temp = new TempDirectory();
        var older = Run(temp, "1760000000", new DateTime(2025, 10, 1, 0, 0, 0, DateTimeKind.Utc));
        var newer = Run(temp, "1750000000", new DateTime(2025, 10, 2, 0, 0, 0, DateTimeKind.Utc));
        Directory.CreateDirectory(Path.Combine(temp.Path, "outputs", "runs", "empty"));

        Assert.Equal(newer, ScoringPaths.FindNewestRun(temp.Path));
        Assert.Equal(newer, ScoringPaths.ResolveInput(null, temp.Path));
        Assert.Equal(older, ScoringPaths.ResolveInput(Path.Combine("outputs", "runs", "1760000000", "run.jsonl"), temp.Path));
        Assert.Equal(Path.Combine(Path.GetDirectoryName(newer)!, "run_scored.jsonl"), ScoringPaths.DefaultOutputFor(newer));
        Assert.Equal(Path.Combine(temp.Path, "answers_scored.jsonl"), ScoringPaths.DefaultOutputFor(Path.Combine(temp.Path, "answers.jsonl")));
    }

    [Fact]
    public void Equal_times_are_decided_by_the_run_folder_name()
    {
        using var temp = new TempDirectory();
        var time = new DateTime(2025, 10, 1, 0, 0, 0, DateTimeKind.Utc);
        Run(temp, "1760000000", time);
        var later = Run(temp, "1760000500", time);

        Assert.Equal(later, ScoringPaths.FindNewestRun(temp.Path));
    }

    [Fact]
    public void No_run_and_a_missing_input_are_clear_errors()
    {
        using var temp = new TempDirectory();

        Assert.Null(ScoringPaths.FindNewestRun(temp.Path));
        Assert.Contains("no run to score", Assert.Throws<InputException>(() => ScoringPaths.ResolveInput(null, temp.Path)).Message, StringComparison.Ordinal);
        Assert.Equal("missing.jsonl: file not found", Assert.Throws<InputException>(() => ScoringPaths.ResolveInput("missing.jsonl", temp.Path)).Message);
        var input = temp.File("run.jsonl");
        File.WriteAllText(input, "");
        Assert.Throws<InputException>(() => ScoringPaths.ResolveOutput("run.jsonl", input, temp.Path));
    }

    private static string Run(TempDirectory temp, string runId, DateTime written)
    {
        var folder = Directory.CreateDirectory(Path.Combine(temp.Path, "outputs", "runs", runId)).FullName;
        var path = Path.Combine(folder, "run.jsonl");
        File.WriteAllText(path, "{}\n");
        File.SetLastWriteTimeUtc(path, written);
        return path;
    }
}
