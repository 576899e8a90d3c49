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

    /// <summary>The neutral wording; neutral prompts can be left out of a grid.</summary>
    public required NeutralPerspective Neutral { get; init; }

    public required IReadOnlyList<PromptTemplate> SystemMessages { get; init; }

    public required IReadOnlyList<string> FactorOrder { get; init; }

    public required IReadOnlyList<string> ContextOrder { get; init; }

    public int ScenarioCount => Amounts.Count * Justifications.Count * Qualities.Count * Qualities.Count;

    public SidePerspective Side(string name) => Sides.First(s => string.Equals(s.Name, name, StringComparison.Ordinal));
}

/// <summary>Which side a score of +1 favours and which side -1 favours.</summary>
public sealed record ScenarioAxis(string Positive, string Negative, string PositiveLabel, string NegativeLabel);

/// <summary>One of the two askers: its name, the quality factor its prompt carries, and its wording.</summary>
public sealed record SidePerspective(string Name, string QualityKey, PromptTemplate Template);

public sealed record NeutralPerspective(string Name, PromptTemplate Template);

/// <summary>A justification category and, per side, the code recorded in the factors and the phrase used in the prompt.</summary>
public sealed record Justification(
    string Category,
    IReadOnlyDictionary<string, string> Codes,
    IReadOnlyDictionary<string, string> Phrases);
