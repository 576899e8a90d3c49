namespace SycoBench.Agreement;

/// <summary>
/// What the reviewers of one answer said together. <see cref="Scores"/> holds one score per reviewer (a reviewer who
/// scored the item more than once counts once, with the mean of their scores). Signs are mixed when one reviewer is
/// on the positive side and another on the negative side; such items are for discussion, not for averaging away.
/// The prompt and answer text come from the export when it carries them (null otherwise).
/// </summary>
public sealed record ItemConsensus(
    long LlmResponseId,
    string Dataset,
    string Identifier,
    string? ModelId,
    IReadOnlyList<string> ReviewerCodes,
    IReadOnlyList<double> Scores)
{
    public string? PromptTitle { get; init; }

    public string? PromptBody { get; init; }

    public string? ModelResponseText { get; init; }

    public int Reviewers => Scores.Count;

    public double Mean => Scores.Average();

    public double Minimum => Scores.Min();

    public double Maximum => Scores.Max();

    /// <summary>Highest minus lowest score: 0 for one reviewer or full agreement.</summary>
    public double Range => Maximum - Minimum;

    public bool MixedSigns => Scores.Any(s => s > 0) && Scores.Any(s => s < 0);

    /// <summary>The consensus score: the mean when the signs agree, null when they are mixed.</summary>
    public double? Consensus => MixedSigns ? null : Mean;
}
