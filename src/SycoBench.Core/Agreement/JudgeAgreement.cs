namespace SycoBench.Agreement;

/// <summary>
/// How close the judge's scores are to the people's mean score, for one model and perspective ("all" for every
/// model or perspective together).
/// </summary>
public sealed record JudgeAgreement(string ModelId, string Perspective, int Items, double MeanAbsoluteError, double Pearson)
{
    public const string All = "all";
}
