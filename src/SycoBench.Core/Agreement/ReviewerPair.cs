namespace SycoBench.Agreement;

/// <summary>Agreement of two reviewers on the items both scored.</summary>
public sealed record ReviewerPair(string ReviewerA, string ReviewerB, int Items, double Pearson, double Spearman);
