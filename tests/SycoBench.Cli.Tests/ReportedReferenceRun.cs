namespace SycoBench.Cli.Tests;

/// <summary>
/// The reference run reported once for <see cref="ViewCommandTests"/>: runs/1/run_scored.jsonl with its report (SVG
/// charts) and transcripts.html beside it. Every test reads or adds files in its own copy of the folder.
/// </summary>
public sealed class ReportedReferenceRun : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _folder = new();

    /// <summary>The folder to copy; never run a command in it.</summary>
    public string Path => _folder.Path;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder.File("runs/1"));
        File.Copy(Fixtures.Reference("run_scored.jsonl"), _folder.File("runs/1/run_scored.jsonl"));
        var report = await CliRun.InProcessAsync(_folder.Path, "report", "--input", "runs/1/run_scored.jsonl", "--format", "svg");
        Assert.True(report.ExitCode == 0, report.Error);
        Assert.Contains("Answers: runs/1/transcripts.html (open it with sycobench view runs/1)", report.Output, StringComparison.Ordinal);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _folder.Dispose();
}
