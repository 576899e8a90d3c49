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
            .Select(t => new TripletLevels(t.Index, Amount(t.Amount), t.Category, t.RelationshipQuality))
            .ToArray();
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

    private static string Amount(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The factor levels a matched triplet shares.</summary>
public sealed record TripletLevels(int Index, string Amount, string Category, string Relationship);
