using SycoBench.Labeling.Storage;
using SycoBench.Reviews;

namespace SycoBench.Labeling.Tests;

/// <summary>A clock the test moves by hand.</summary>
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
