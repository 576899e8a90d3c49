using SycoBench.Records;

namespace SycoBench.Scenarios;

/// <summary>The prompts built from a scenario, as matched triplets and as the flat list written to grid.jsonl.</summary>
public sealed class PromptGrid
{
    public PromptGrid(Scenario scenario, bool includesNeutral, IReadOnlyList<GridTriplet> triplets)
    {
        Scenario = scenario;
        IncludesNeutral = includesNeutral;
        Triplets = triplets;
        Prompts = triplets.SelectMany(t => t.Prompts).ToArray();
    }

    public Scenario Scenario { get; }

    public bool IncludesNeutral { get; }

    public IReadOnlyList<GridTriplet> Triplets { get; }

    public IReadOnlyList<GridPrompt> Prompts { get; }

    public int PromptsPerTriplet => IncludesNeutral ? 3 : 2;

    /// <summary>The first <paramref name="count"/> prompts, in grid order (may cut a triplet, as the original tool did).</summary>
    public IReadOnlyList<GridPrompt> Take(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return Prompts.Take(count).ToArray();
    }
}
