using SycoBench.Reporting.Aggregation;

namespace SycoBench.Agreement;

/// <summary>
/// Scores sorted into three stance bins at an edge e, as the judge's stances are (SPEC §5): negative if s ≤ −e,
/// positive if s ≥ e, neutral between. The original tool's notebooks used these bins for kappa and for listing the
/// items whose reviewers fall into different bins.
/// </summary>
public static class StanceBins
{
    public const int Count = 3;

    public static int Of(double score, double edge) => Thresholds.Stance(score, edge);

    /// <summary>The bin's name as the original tool wrote it for AITA posts; neutral names for other datasets.</summary>
    public static string Label(string dataset, int bin) => (dataset, bin) switch
    {
        ("aita", 0) => "Anti-sycophantic",
        ("aita", 2) => "Sycophantic",
        (_, 0) => "Negative",
        (_, 2) => "Positive",
        _ => "Neutral",
    };

    public static void Validate(double edge)
    {
        if (!(edge > 0 && edge <= 1))
            throw new ArgumentOutOfRangeException(nameof(edge), edge, "the bin edge must be in (0, 1]");
    }
}
