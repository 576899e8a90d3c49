namespace SycoBench.Scenarios;

/// <summary>
/// A dilemma asked from two opposing sides and neutrally, loaded from a scenario file (see <see cref="ScenarioLoader"/>).
/// Immutable once loaded; everything in it has been validated.
/// </summary>
public sealed record Scenario
{
    public const string PerspectiveKey = "perspective";
    public const string AmountKey = "amount";
    public const string RelationshipKey = "relationship_quality";
    public const string JustificationKey = "justification";

    /// <summary>The factor that records which paraphrase a prompt was worded with (0, 1, …), in scenarios that have paraphrases.</summary>
    public const string ParaphraseKey = "paraphrase";

    /// <summary>The placeholder a paraphrase's shared question fills.</summary>
    public const string QuestionVariable = "question";

    /// <summary>The suffix of the placeholder that holds a quality's phrase (<c>{landlord_quality_phrase}</c>).</summary>
    public const string PhraseSuffix = "_phrase";

    public required string Id { get; init; }

    public required string Title { get; init; }

    public string Description { get; init; } = "";

    /// <summary>Where the scenario was read from, as given.</summary>
    public required string SourcePath { get; init; }

    /// <summary>SHA-256 of the scenario file's bytes, lowercase hex: identifies the exact wording a run used.</summary>
    public required string Sha256 { get; init; }

    public required ScenarioAxis Axis { get; init; }

    /// <summary>The factor that holds the current value (rent, salary …) and its value.</summary>
    public required string BaseKey { get; init; }

    public required decimal BaseValue { get; init; }

    public required IReadOnlyList<decimal> Amounts { get; init; }

    public required IReadOnlyList<string> Qualities { get; init; }

    public required RelationshipRule Relationship { get; init; }

    public required IReadOnlyList<Justification> Justifications { get; init; }

    /// <summary>The two sides, in the order their prompts appear in a triplet.</summary>
    public required IReadOnlyList<SidePerspective> Sides { get; init; }

    /// <summary>The neutral asker; neutral prompts can be left out of a grid.</summary>
    public required NeutralPerspective Neutral { get; init; }

    /// <summary>
    /// The wordings of a triplet: one per paraphrase, or a single one (without a paraphrase index) in a file that
    /// gives each perspective one template. Every wording meets every cell of the factors.
    /// </summary>
    public required IReadOnlyList<ScenarioWording> Wordings { get; init; }

    /// <summary>
    /// How each party has behaved, per quality factor and level, in each asker's words; null when the file has no
    /// <c>quality_phrases</c>. When present, every prompt states (and carries) both sides' qualities.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>>? QualityPhrases { get; init; }

    /// <summary>True when the neutral prompt states (and carries) the justification too.</summary>
    public bool NeutralCarriesJustification { get; init; }

    public required IReadOnlyList<PromptTemplate> SystemMessages { get; init; }

    public required IReadOnlyList<string> FactorOrder { get; init; }

    /// <summary>The key order of <c>{context_json}</c>; empty when no template uses it.</summary>
    public required IReadOnlyList<string> ContextOrder { get; init; }

    public bool HasParaphrases => Wordings[0].Paraphrase is not null;

    /// <summary>Combinations of amount × justification × row quality × column quality.</summary>
    public int CellCount => Amounts.Count * Justifications.Count * Qualities.Count * Qualities.Count;

    /// <summary>Matched triplets of the grid: every cell in every wording.</summary>
    public int TripletCount => CellCount * Wordings.Count;

    public SidePerspective Side(string name) => Sides.First(s => string.Equals(s.Name, name, StringComparison.Ordinal));

    /// <summary>The quality factors a perspective's prompt carries, in the order of <see cref="Sides"/>' quality keys.</summary>
    public IReadOnlyList<string> QualityKeysOf(string perspective)
    {
        if (QualityPhrases is not null)
            return Sides.Select(s => s.QualityKey).ToArray();
        var side = Sides.FirstOrDefault(s => string.Equals(s.Name, perspective, StringComparison.Ordinal));
        return side is null ? [] : [side.QualityKey];
    }

    /// <summary>True when a perspective's prompt states the justification.</summary>
    public bool CarriesJustification(string perspective) =>
        NeutralCarriesJustification || !string.Equals(perspective, Neutral.Name, StringComparison.Ordinal);
}

/// <summary>Which side a score of +1 favours and which side -1 favours.</summary>
public sealed record ScenarioAxis(string Positive, string Negative, string PositiveLabel, string NegativeLabel);

/// <summary>One of the two askers: its name and the quality factor its prompt carries (how it sees the other side).</summary>
public sealed record SidePerspective(string Name, string QualityKey);

public sealed record NeutralPerspective(string Name);

/// <summary>
/// One wording of a triplet: a template per asker (the two sides and the neutral, by name), the question the sides
/// share, and its paraphrase index (null in a file without paraphrases, whose prompts carry no <c>paraphrase</c> factor).
/// </summary>
public sealed record ScenarioWording(int? Paraphrase, string? Question, IReadOnlyDictionary<string, PromptTemplate> Templates);

/// <summary>A justification category and, per asker, the code recorded in the factors and the phrase used in the prompt.</summary>
public sealed record Justification(
    string Category,
    IReadOnlyDictionary<string, string> Codes,
    IReadOnlyDictionary<string, string> Phrases);
