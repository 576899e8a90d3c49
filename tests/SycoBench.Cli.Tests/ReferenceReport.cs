namespace SycoBench.Cli.Tests;

/// <summary>
/// The report over the reference run with the default options (PNG charts at 300 dpi and SVG), made once for
/// <see cref="OutputGoldenTests"/>: its golden test compares every file and another test reads the figures and the
/// console. Drawing the 300 dpi charts is most of a report's cost, so the two tests share one report instead of two.
/// Laid out as reference/run_scored.jsonl and reference/run_grid.json, reported into report/; never run a command in it.
/// </summary>
public sealed class ReferenceReport : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _folder = new();

    /// <summary>The working folder the report was made in.</summary>
    public string Path => _folder.Path;

    /// <summary>What <c>report</c> printed and returned.</summary>
    internal CliResult Result { get; private set; } = new(-1, "", "");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder.File("reference"));
        foreach (var name in new[] { "run_scored.jsonl", "run_grid.json" })
            System.IO.File.Copy(Fixtures.Reference(name), _folder.File("reference/" + name));
        Result = await CliRun.InProcessAsync(_folder.Path, "report", "--input", "reference/run_scored.jsonl", "--out", "report");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _folder.Dispose();
}
