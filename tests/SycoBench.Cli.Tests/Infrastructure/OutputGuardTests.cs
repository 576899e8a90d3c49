using System.Security.Cryptography;

namespace SycoBench.Cli.Tests.Infrastructure;

/// <summary>
/// No command writes over one of its inputs, a SQLite database or a run's records. One row per way a writing command
/// could clobber something; every command registered in the CLI must have rows here or be listed as writing nothing,
/// so a new writing command fails <see cref="Every_command_is_in_the_table"/> until it is checked too.
/// </summary>
public sealed class OutputGuardTests(OutputGuardWorkspace template) : IClassFixture<OutputGuardWorkspace>
{
    /// <summary>Commands that write no file at all.</summary>
    private static readonly string[] WritesNothing = ["sim serve", "cache stats", "cache path", "study plan", "view"];

    /// <summary>
    /// Commands whose outputs are checked elsewhere: portal backup never writes over an existing file nor over its
    /// --db; portal import-legacy writes into the label database it opens, in one transaction; label ai guards its
    /// --db with the store guard (its own tests set up the models it needs).
    /// </summary>
    private static readonly string[] ChecksItsOwnStore = ["portal backup", "portal import-legacy", "label ai"];

    private const string Input = "is also the input";
    private const string Database = "is a SQLite database";
    private const string RunData = "is a data file of the run folder";
    private const string NotDatabase = "is not a SQLite database";
    private const string TwoOutputs = "would receive two of this command's outputs";

    /// <summary>(command, its arguments in a workspace laid out by <see cref="Workspace"/>, what the refusal says).</summary>
    private static readonly (string Command, string[] Args, string Expected)[] Cases =
    [
        ("grid", ["--out", "runs/1/run.jsonl"], RunData),
        ("grid", ["--scenario", "mine.json", "--out", "mine.json"], Input),
        ("grid", ["--out", "labels.db"], Database),
        ("grid", ["--out", "labels.db-wal"], Database),
        ("run", ["--model", "sim/balanced", "--grid", "grid.jsonl", "--cache", "grid.jsonl"], Input),
        ("run", ["--model", "sim/balanced", "--grid", "grid.jsonl", "--cache", "runs/1/run.jsonl"], NotDatabase),
        ("run", ["--model", "sim/balanced", "--grid", "fresh/run.jsonl", "--out", "fresh", "--no-cache"], Input),
        ("run", ["--model", "sim/balanced", "--grid", "grid.jsonl", "--out", "grid.jsonl", "--no-cache"], Input),
        ("score", ["--input", "runs/1/run.jsonl", "--output", "runs/1/run.jsonl", "-s", "sim/judge"], Input),
        ("score", ["--input", "runs/1/run.jsonl", "--output", "labels.db", "-s", "sim/judge"], Database),
        ("score", ["--input", "runs/1/run.jsonl", "--output", "runs/2/run.jsonl", "-s", "sim/judge"], RunData),
        ("score", ["--input", "runs/1/run.jsonl", "--output", "elsewhere/run_grid.json", "-s", "sim/judge", "--no-aggregate"], RunData),
        ("score", ["--input", "runs/1/run.jsonl", "-s", "sim/judge", "--cache", "scored.jsonl"], NotDatabase),
        ("score", ["--input", "runs/1/run.jsonl", "--output", "elsewhere/scores.csv", "-s", "sim/judge"], TwoOutputs),
        ("score", ["--input", "runs/1/run.jsonl", "--output", "elsewhere/score.log", "-s", "sim/judge", "--no-aggregate"], TwoOutputs),
        ("run", ["--model", "sim/balanced", "--grid", "grid.jsonl", "--out", "fresh2", "--cache", "fresh2/run.log"], TwoOutputs),
        ("report", ["--input", "scored.jsonl", "--scenario", "out/stats.json", "--out", "out"], Input),
        ("report", ["--input", "db/x.jsonl"], Database),
        ("demo", ["--out", "labels.db"], "is a file, not a folder"),
        ("scorer train", ["--input", "scored.jsonl", "--out", "scored.jsonl"], Input),
        ("scorer train", ["--input", "scored.jsonl", "--out", "labels.db"], Database),
        ("portal pull", ["--db", "labels.db", "--out", "labels.db", "--dataset", "scenario"], Input),
        ("portal pull", ["--db", "labels.db", "--out", "runs/1/run.jsonl", "--dataset", "scenario"], RunData),
        ("portal push", ["--dataset", "scenario", "--run-file", "runs/1/run.jsonl", "--db", "runs/1/run.jsonl", "--apply"], Input),
        ("portal push", ["--dataset", "scenario", "--run-file", "runs/1/run.jsonl", "--db", "runs/1/run_grid.json", "--apply"], NotDatabase),
        ("portal init-db", ["--db", "runs/1/run.jsonl"], NotDatabase),
        ("portal reviewers add", ["--db", "runs/1/run.jsonl", "Ada", "Lovelace"], NotDatabase),
        ("portal reviewers list", ["--db", "runs/1/run.jsonl"], NotDatabase),
        ("portal reviewers disable", ["--db", "runs/1/run.jsonl", "R-ABCDEF"], NotDatabase),
        ("portal status", ["--db", "runs/1/run.jsonl"], NotDatabase),
        ("label serve", ["--db", "runs/1/run.jsonl", "--urls", "http://127.0.0.1:0"], NotDatabase),
        ("portal delete-llm-reviews", ["--db", "runs/1/run.jsonl", "--apply"], NotDatabase),
        ("portal migrate", ["--from", "labels.db", "--to", "runs/1/run.jsonl"], NotDatabase),
        ("agreement", ["--reviews", "reviews.jsonl", "--consensus-out", "reviews.jsonl"], Input),
        ("agreement", ["--reviews", "reviews.jsonl", "--scored", "scored.jsonl", "--consensus-out", "scored.jsonl"], Input),
        ("agreement", ["--reviews", "reviews.jsonl", "--consensus-out", "labels.db"], Database),
        ("cache clear", ["--cache", "runs/1/run.jsonl"], NotDatabase),
        ("merge", ["runs/1", "runs/2", "--out", "runs/1"], Input),
        ("study run", ["demo", "--out", "labels.db"], "is a file, not a folder"),
        ("study run", ["demo", "--out", "runs/1"], "is not empty and holds no study"),
    ];

    public static TheoryData<int> CaseIndexes()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Cases.Length; i++)
            data.Add(i);
        return data;
    }

    [Fact]
    public void Every_command_is_in_the_table()
    {
        var leaves = CommandCatalog.All(SycoBenchCli.Describe()).Where(c => !c.IsBranch).Select(c => string.Join(' ', CommandCatalog.PathOf(c)));
        var covered = Cases.Select(c => c.Command).Concat(WritesNothing).Concat(ChecksItsOwnStore).ToHashSet();
        var missing = leaves.Where(c => !covered.Contains(c)).ToList();
        Assert.True(missing.Count == 0,
            $"these commands are not in {nameof(OutputGuardTests)}: {string.Join(", ", missing)}. Add a row per output (guarded with OutputGuard) or list the command in {nameof(WritesNothing)}.");
    }

    [Theory]
    [MemberData(nameof(CaseIndexes))]
    public async Task A_clobbering_output_is_refused_before_anything_is_written(int index)
    {
        var (command, args, expected) = Cases[index];
        using var workspace = Workspace();
        var before = Snapshot(workspace.Path);

        var result = await CliRun.InProcessAsync(workspace.Path, [.. command.Split(' '), .. args]);

        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}: {result.Error}");
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
        Assert.Equal(before, Snapshot(workspace.Path));
    }

    [Fact]
    public async Task Pulling_a_database_onto_itself_leaves_a_working_database()
    {
        using var workspace = Workspace();

        var pull = await CliRun.InProcessAsync(workspace.Path, "portal", "pull", "--db", "labels.db", "--out", "labels.db", "--dataset", "scenario");
        var status = await CliRun.InProcessAsync(workspace.Path, "portal", "status", "--db", "labels.db");

        Assert.Equal(2, pull.ExitCode);
        Assert.Equal(0, status.ExitCode);
    }

    [Fact]
    public async Task Resuming_a_score_into_its_own_output_is_allowed()
    {
        using var workspace = Workspace();

        var result = await CliRun.InProcessAsync(workspace.Path, "score", "--input", "runs/1/run.jsonl", "--output", "runs/1/run_scored.jsonl", "-s", "sim/judge", "--dry-run");

        Assert.Equal(0, result.ExitCode);
    }

    /// <summary>A fresh copy of the workspace <see cref="OutputGuardWorkspace"/> laid out once for the class.</summary>
    private TempDirectory Workspace() => FolderCopy.Of(template.Path);

    /// <summary>Every file under the folder with the SHA-256 of its bytes.</summary>
    private static string Snapshot(string root) =>
        string.Join('\n', Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(p => Path.GetRelativePath(root, p) + (File.Exists(p) ? " " + Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(p))) : "/")));
}
