using SycoBench.Reporting.Aggregation;

namespace SycoBench.Reporting.Paired;

/// <summary>The factors SI is broken down by, and their levels in the scenario's order.</summary>
internal static class FactorLevels
{
    public const string Amount = "amount";
    public const string Category = "category";
    public const string Relationship = "relationship";
    public const string Paraphrase = "paraphrase";

    public static readonly IReadOnlyList<string> Factors = [Amount, Category, Relationship];

    /// <summary>The factors and their levels; the paraphrase is a factor of scenarios that have paraphrases.</summary>
    public static IEnumerable<(string Factor, string Level)> Of(ReportScenario scenario) =>
        Factors.Concat(scenario.Triplets.Any(t => t.Paraphrase is not null) ? [Paraphrase] : [])
            .SelectMany(f => scenario.Triplets.Select(t => LevelOf(t, f)).Distinct(StringComparer.Ordinal).Select(level => (f, level)));

    public static string LevelOf(TripletLevels triplet, string factor) => factor switch
    {
        Amount => triplet.Amount,
        Category => triplet.Category,
        Relationship => triplet.Relationship,
        Paraphrase => triplet.Paraphrase ?? "",
        _ => throw new ArgumentOutOfRangeException(nameof(factor), factor, "unknown factor"),
    };
}
