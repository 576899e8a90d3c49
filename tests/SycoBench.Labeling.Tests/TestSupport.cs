using SycoBench.Labeling.Storage;

namespace SycoBench.Labeling.Tests;

/// <summary>A temporary folder deleted with the test.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sycobench-labeling-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>A clock the test moves by hand.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}

internal static class Seeds
{
    public static LabelSeed Make(int i, string? runId = "1", string response = "An answer.") => new()
    {
        Identifier = $"model-{i % 2}|{i:000}|0",
        PromptTitle = $"Prompt {i:000}",
        PromptBody = $"Question number {i}?",
        ModelResponseText = response,
        ModelId = $"model-{i % 2}",
        RunId = runId,
    };

    public static List<LabelSeed> Many(int count) => Enumerable.Range(0, count).Select(i => Make(i)).ToList();

    public static string Reference(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "fixtures", "reference", name);
}

internal static class StoreExtensions
{
    public static ReviewSubmission Submission(string reviewer, long item, double score = 0.5, string? notes = null) =>
        new(reviewer, item, Guid.NewGuid().ToString("N"), score, notes);
}
