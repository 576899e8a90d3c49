using SycoBench.Statistics;

namespace SycoBench.Agreement;

/// <summary>The results of an agreement analysis over a reviews export.</summary>
public sealed record AgreementReport
{
    public int Reviews { get; init; }

    public int Items { get; init; }

    public int Reviewers { get; init; }

    /// <summary>Reviews folded into an earlier one because the same reviewer scored the same item again.</summary>
    public int RepeatReviews { get; init; }

    /// <summary>Items scored by two or more reviewers: the overlap the reliability figures are computed on.</summary>
    public int OverlapItems { get; init; }

    /// <summary>Krippendorff's alpha, interval metric; NaN when it is not defined.</summary>
    public double Alpha { get; init; } = double.NaN;

    public ConfidenceInterval? AlphaInterval { get; init; }

    public int BootstrapResamples { get; init; }

    public OneWayIcc? Icc { get; init; }

    public IReadOnlyList<ReviewerPair> Pairs { get; init; } = [];

    public IReadOnlyList<ItemConsensus> Consensus { get; init; } = [];

    /// <summary>Judge-vs-human figures; null when no scored file was given.</summary>
    public IReadOnlyList<JudgeAgreement>? Judge { get; init; }

    /// <summary>Reviewed items for which no judge score was found in the scored file.</summary>
    public int JudgeUnmatched { get; init; }
}
