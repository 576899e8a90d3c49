using SycoBench.Records;

namespace SycoBench.Scenarios;

/// <summary>
/// One scenario of the grid and its matched prompts (side A, side B, then neutral when included): the prompts agree on
/// amount, justification category and relationship, and differ only in who is asking.
/// </summary>
public sealed record GridTriplet(
    int Index,
    decimal Amount,
    string Category,
    string RelationshipQuality,
    IReadOnlyDictionary<string, string> Qualities,
    IReadOnlyList<GridPrompt> Prompts);
