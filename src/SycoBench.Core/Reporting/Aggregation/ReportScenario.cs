using System.Globalization;
using System.Text;
using SycoBench.Scenarios;

namespace SycoBench.Reporting.Aggregation;

/// <summary>
/// The scenario as a report sees it: the names of the three askers on its axis, its matched triplets with their factor
/// levels, and the matcher that places a record in a triplet.
/// </summary>
public sealed class ReportScenario
{
    private readonly byte[][] _roleNames;

    public ReportScenario(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        Scenario = scenario;
        PositiveName = scenario.Axis.Positive;
        NegativeName = scenario.Axis.Negative;
        NeutralName = scenario.Neutral.Name;
        _roleNames = [Encoding.UTF8.GetBytes(PositiveName), Encoding.UTF8.GetBytes(NegativeName), Encoding.UTF8.GetBytes(NeutralName)];
        var grid = GridBuilder.Build(scenario, includeNeutral: true);
        Triplets = grid.Triplets
            .Select(t => new TripletLevels(t.Index, Amount(t.Amount), t.Category, t.RelationshipQuality, t.Paraphrase?.ToString(CultureInfo.InvariantCulture)))
            .ToArray();
        (NeutralGroupOf, NeutralGroupCount) = GroupByNeutralPrompt(grid, NeutralName);
        Matcher = new PromptMatcher(scenario, this);
    }

    public Scenario Scenario { get; }

    /// <summary>The side a score of +1 favours ("L": landlord in rent-v1).</summary>
    public string PositiveName { get; }

    /// <summary>The side a score of -1 favours ("T": tenant in rent-v1).</summary>
    public string NegativeName { get; }

    public string NeutralName { get; }

    public IReadOnlyList<TripletLevels> Triplets { get; }

    internal PromptMatcher Matcher { get; }

    /// <summary>
    /// For each triplet, the group of triplets whose neutral prompt has the same messages. The neutral asker gives no
    /// justification, so in rent-v1 the 3 categories of an (amount, relationship) ask the very same neutral question:
    /// 36 triplets, 12 distinct neutral prompts. Statistics that use N are bootstrapped over these groups.
    /// </summary>
    internal IReadOnlyList<int> NeutralGroupOf { get; }

    internal int NeutralGroupCount { get; }

    public string NameOf(Role role) => role switch
    {
        Role.Positive => PositiveName,
        Role.Negative => NegativeName,
        Role.Neutral => NeutralName,
        _ => "other",
    };

    /// <summary>The role of a perspective name (exact, as the original tool compared it).</summary>
    public Role RoleOf(ReadOnlySpan<byte> perspective)
    {
        for (var i = 0; i < _roleNames.Length; i++)
        {
            if (perspective.SequenceEqual(_roleNames[i]))
                return (Role)i;
        }

        return Role.Other;
    }

    public Role RoleOf(string? perspective) =>
        perspective is null ? Role.Other : RoleOf(Encoding.UTF8.GetBytes(perspective));

    private static (int[] GroupOf, int Count) GroupByNeutralPrompt(PromptGrid grid, string neutralName)
    {
        var groups = new Dictionary<string, int>(StringComparer.Ordinal);
        var groupOf = new int[grid.Triplets.Count];
        foreach (var triplet in grid.Triplets)
        {
            var neutral = triplet.Prompts.FirstOrDefault(p => p.Perspective == neutralName);
            // A triplet without a neutral prompt is a group of its own.
            var key = neutral is null
                ? "\u0001" + triplet.Index.ToString(CultureInfo.InvariantCulture)
                : string.Join("\u0000", neutral.Messages.Select(m => m.Role + "\u0000" + m.Content));
            if (!groups.TryGetValue(key, out var group))
                groups[key] = group = groups.Count;
            groupOf[triplet.Index] = group;
        }

        return (groupOf, groups.Count);
    }

    private static string Amount(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The factor levels a matched triplet shares; <paramref name="Paraphrase"/> is null in a scenario without paraphrases.</summary>
public sealed record TripletLevels(int Index, string Amount, string Category, string Relationship, string? Paraphrase = null);
