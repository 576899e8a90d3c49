namespace SycoBench.Agreement;

/// <summary>
/// One AI reviewer against the human consensus, on the items that have both: Pearson r, mean absolute error, bias
/// (mean of AI − human: above 0 the model scores higher than people) and Krippendorff's interval alpha of the two
/// as coders. <see cref="WithoutConsensus"/> counts the items it scored that have no human consensus (no human
/// review, or people with mixed signs and no team decision).
/// </summary>
public sealed record AiReviewerAgreement(
    string ReviewerCode,
    int Items,
    double Pearson,
    double MeanAbsoluteError,
    double Bias,
    double Alpha,
    int WithoutConsensus)
{
    /// <summary>(human consensus, AI score) per shared item, for scatter plots.</summary>
    public IReadOnlyList<(double Human, double Ai)> Points { get; init; } = [];
}
