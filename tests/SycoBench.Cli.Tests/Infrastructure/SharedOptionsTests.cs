namespace SycoBench.Cli.Tests.Infrastructure;

/// <summary>
/// The options several commands share (the model-pipeline and judging groups of run, score and label ai; the label
/// store's --db and --dataset; the prompt selection of grid, run and portal push) are checked once, with the option:
/// every command that takes one refuses the same bad value with the same message and exit code 2, before it reads or
/// writes anything.
/// </summary>
public sealed class SharedOptionsTests
{
    public static TheoryData<string[], string> Refusals() => new()
    {
        { ["run", "--model", "sim/balanced", "--no-cache", "--cache", "c.db"], "--no-cache and --cache cannot be combined" },
        { ["score", "-s", "sim/judge", "--no-cache", "--cache", "c.db"], "--no-cache and --cache cannot be combined" },
        { ["label", "ai", "--dataset", "aita", "--models", "sim", "--no-cache", "--cache", "c.db"], "--no-cache and --cache cannot be combined" },
        { ["score", "-s", "sim/judge", "--concurrency", "0"], "--concurrency must be a positive integer (got 0)" },
        { ["label", "ai", "--dataset", "aita", "--models", "sim", "--concurrency", "0"], "--concurrency must be a positive integer (got 0)" },
        { ["label", "ai", "--dataset", "aita", "--models", "sim", "--db", " "], "--db needs a path or a PostgreSQL address" },
        { ["label", "ai", "--dataset", "Not A Name", "--models", "sim"], "--dataset: " },
        { ["portal", "status", "--dataset", "Not A Name"], "--dataset: " },
        { ["portal", "delete-llm-reviews", "--dataset", "Not A Name"], "--dataset: " },
        { ["grid", "--include-neutral", "--no-include-neutral"], "--include-neutral and --no-include-neutral cannot be combined" },
        { ["run", "--model", "sim/balanced", "--include-neutral", "--no-include-neutral"], "--include-neutral and --no-include-neutral cannot be combined" },
        { ["grid", "--limit", "0"], "--limit must be a positive number of prompts (got 0)" },
        { ["run", "--model", "sim/balanced", "--limit", "0"], "--limit must be a positive number of prompts (got 0)" },
        { ["grid", "--seed", "1"], "--seed only applies to --sample" },
        { ["portal", "push", "--run-file", "run.jsonl", "--seed", "1"], "--seed only applies to --sample" },
        { ["grid", "--sample", "0"], "--sample must be a positive number of prompts (got 0)" },
        { ["portal", "push", "--run-file", "run.jsonl", "--sample", "0"], "--sample must be a positive number of answers (got 0)" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_shared_option_is_refused_the_same_way_by_every_command_that_takes_it(string[] args, string expected)
    {
        using var cwd = new TempDirectory();

        var result = await CliRun.InProcessAsync(cwd.Path, args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(cwd.Path));
    }
}
