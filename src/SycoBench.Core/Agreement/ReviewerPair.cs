using SycoBench.Statistics;

namespace SycoBench.Agreement;

/// <summary>
/// Agreement of two reviewers on the items both scored: Pearson and Spearman correlation; the least-squares line of
/// B's scores on A's (slope 1 and intercept 0 when B scores like A); the mean difference B − A; Cohen's kappa on the
/// stance bins and the share of items on which both chose the same bin.
/// </summary>
public sealed record ReviewerPair(string ReviewerA, string ReviewerB, int Items, double Pearson, double Spearman)
{
    public double Slope { get; init; } = double.NaN;

    public double Intercept { get; init; } = double.NaN;

    public double MeanDifference { get; init; } = double.NaN;

    public Kappa? BinKappa { get; init; }

    /// <summary>The scores of both on their shared items, A's and B's, for scatter plots.</summary>
    public IReadOnlyList<(double A, double B)> Points { get; init; } = [];
}
