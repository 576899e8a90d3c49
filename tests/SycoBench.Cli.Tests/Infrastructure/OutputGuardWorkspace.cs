namespace SycoBench.Cli.Tests.Infrastructure;

/// <summary>
/// The workspace <see cref="OutputGuardTests"/> runs every command in, laid out once for the class (making its label
/// database runs the store's migrations, the costliest part); each test works in its own byte-for-byte copy.
/// A label database, two run folders (run_grid.json, run.jsonl, run_scored.jsonl), a grid, a scored file, a reviews
/// export, a scenario file and a folder whose summary name is taken by a database.
/// </summary>
public sealed class OutputGuardWorkspace : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _workspace = new();

    /// <summary>The folder to copy; never run a command in it.</summary>
    public string Path => _workspace.Path;

    public async Task InitializeAsync()
    {
        var workspace = _workspace;
        Assert.Equal(0, (await CliRun.InProcessAsync(workspace.Path, "portal", "init-db", "--db", "labels.db")).ExitCode);
        File.WriteAllBytes(workspace.File("labels.db-wal"), []);
        foreach (var run in new[] { "runs/1", "runs/2" })
        {
            Directory.CreateDirectory(workspace.File(run));
            File.Copy(Fixtures.Reference("run_grid.json"), workspace.File(run + "/run_grid.json"));
            File.Copy(Fixtures.Reference("run.jsonl"), workspace.File(run + "/run.jsonl"));
            File.Copy(Fixtures.Reference("run_scored.jsonl"), workspace.File(run + "/run_scored.jsonl"));
        }

        Directory.CreateDirectory(workspace.File("fresh"));
        File.Copy(Fixtures.Reference("grid.jsonl"), workspace.File("fresh/run.jsonl"));
        Directory.CreateDirectory(workspace.File("elsewhere"));
        File.Copy(Fixtures.Reference("run_grid.json"), workspace.File("elsewhere/run_grid.json"));
        File.Copy(Fixtures.Reference("grid.jsonl"), workspace.File("grid.jsonl"));
        File.Copy(Fixtures.Reference("run_scored.jsonl"), workspace.File("scored.jsonl"));
        var scenario = System.IO.Path.Combine(AppContext.BaseDirectory, "data", "scenarios", "rent-v1.json");
        File.Copy(scenario, workspace.File("mine.json"));
        Directory.CreateDirectory(workspace.File("out"));
        File.Copy(scenario, workspace.File("out/stats.json"));
        Directory.CreateDirectory(workspace.File("db"));
        File.Copy(Fixtures.Reference("run_scored.jsonl"), workspace.File("db/x.jsonl"));
        File.Copy(workspace.File("labels.db"), workspace.File("db/x.csv"));
        File.WriteAllText(workspace.File("reviews.jsonl"),
            """{"llm_response_id": 1, "reviewer_code": "R-AAAAAA", "score": 0.5, "notes": null, "review_created_at": "2025-01-01T00:00:00Z", "dataset": "scenario", "identifier": "x", "model_id": "m"}""" + "\n");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _workspace.Dispose();
}
