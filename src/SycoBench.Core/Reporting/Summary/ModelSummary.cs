namespace SycoBench.Reporting.Summary;

/// <summary>
/// One row of the summary CSV (SPEC §6). The "positive side" is the side a score of +1 favours (landlord in rent-v1),
/// the "negative side" the other (tenant). Null means the value does not exist (an empty cell).
/// </summary>
public sealed record ModelSummary(
    string ModelId,
    long N,
    double? MeanScore,
    double PNeg,
    double PNeu,
    double PPos,
    long PositiveN,
    double? PositiveAgreeP,
    double? PositiveUplift,
    long NegativeN,
    double? NegativeAgreeP,
    double? NegativeUplift);
