using SycoBench.Records;

namespace SycoBench.Scenarios;

/// <summary>
/// One cell of the grid in one wording and its matched prompts (side A, side B, then neutral when included): the
/// prompts agree on amount, justification category, relationship and paraphrase, and differ only in who is asking.
/// <paramref name="Paraphrase"/> is the wording's index, null in a scenario without paraphrases.
/// </summary>
public sealed record GridTriplet(
    int Index,
    decimal Amount,
    string Category,
    string RelationshipQuality,
    IReadOnlyDictionary<string, string> Qualities,
    IReadOnlyList<GridPrompt> Prompts,
    int? Paraphrase = null);
