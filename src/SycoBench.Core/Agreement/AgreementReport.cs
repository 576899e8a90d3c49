using SycoBench.Statistics;

namespace SycoBench.Agreement;

/// <summary>The results of an agreement analysis over a reviews export.</summary>
public sealed record AgreementReport
{
    /// <summary>Reviews the reviewer figures are computed on (people's only, unless AI reviews were included).</summary>
    public int Reviews { get; init; }

    public int HumanReviews { get; init; }

    /// <summary>Reviews by AI reviewers (<c>llm:</c> codes) in the input, counted in the reviewer figures or not.</summary>
    public int AiReviews { get; init; }

    public bool AiReviewsIncluded { get; init; }

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

    /// <summary>ICC(2,1) and ICC(2,k) on the largest block of items every one of its reviewers scored.</summary>
    public CompleteBlockIcc? TwoWayIcc { get; init; }

    /// <summary>The edge of the stance bins the kappas and bin disagreements use.</summary>
    public double BinEdge { get; init; } = AgreementOptions.DefaultBinEdge;

    /// <summary>Fleiss' kappa on the stance bins of the items with two or more reviewers.</summary>
    public Kappa? FleissKappa { get; init; }

    /// <summary>Every reviewer, people and AI, described (AI reviewers even when left out of the other figures).</summary>
    public IReadOnlyList<ReviewerProfile> Profiles { get; init; } = [];

    public IReadOnlyList<ReviewerPair> Pairs { get; init; } = [];

    public RangeAnalysis? Ranges { get; init; }

    public IReadOnlyList<BinDisagreement> BinDisagreements { get; init; } = [];

    public IReadOnlyList<ItemConsensus> Consensus { get; init; } = [];

    /// <summary>The final consensus of every item: the team's decision, the agreeing mean, or none yet.</summary>
    public IReadOnlyList<FinalConsensus> Final { get; init; } = [];

    /// <summary>The decisions file applied, if any.</summary>
    public string? DecisionsSource { get; init; }

    /// <summary>Each AI reviewer against the human consensus.</summary>
    public IReadOnlyList<AiReviewerAgreement> AiAgreement { get; init; } = [];

    /// <summary>Judge-vs-human figures; null when no scored file was given.</summary>
    public IReadOnlyList<JudgeAgreement>? Judge { get; init; }

    /// <summary>Reviewed items for which no judge score was found in the scored file.</summary>
    public int JudgeUnmatched { get; init; }
}
