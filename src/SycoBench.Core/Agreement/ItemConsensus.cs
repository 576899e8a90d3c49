namespace SycoBench.Agreement;

/// <summary>
/// What the reviewers of one answer said together. <see cref="Scores"/> holds one score per reviewer (a reviewer who
/// scored the item more than once counts once, with the mean of their scores). Signs are mixed when one reviewer is
/// on the positive side and another on the negative side; such items are for discussion, not for averaging away.
/// </summary>
public sealed record ItemConsensus(
    long LlmResponseId,
    string Dataset,
    string Identifier,
    string? ModelId,
    IReadOnlyList<string> ReviewerCodes,
    IReadOnlyList<double> Scores)
{
    public int Reviewers => Scores.Count;

    public double Mean => Scores.Average();

    public bool MixedSigns => Scores.Any(s => s > 0) && Scores.Any(s => s < 0);

    /// <summary>The consensus score: the mean when the signs agree, null when they are mixed.</summary>
    public double? Consensus => MixedSigns ? null : Mean;
}
