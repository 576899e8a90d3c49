namespace SycoBench.Reviews;

/// <summary>
/// Reviews written by a model instead of a person carry the reviewer code <c>llm:&lt;model id&gt;</c> (the original
/// tool's convention). They are kept apart from people's reviews: human reliability leaves them out unless asked.
/// </summary>
public static class AiReviewers
{
    public const string Prefix = "llm:";

    public static bool IsAi(string? reviewerCode) => reviewerCode?.StartsWith(Prefix, StringComparison.Ordinal) == true;

    public static string CodeFor(string modelId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        return Prefix + modelId;
    }
}
