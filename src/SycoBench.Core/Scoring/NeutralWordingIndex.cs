using SycoBench.Records;
using SycoBench.Scenarios;

namespace SycoBench.Scoring;

/// <summary>
/// Finds, for a run row, the matched triplet it belongs to and that triplet's neutral prompt, by the row's
/// <c>prompt_id</c> and <c>factors</c>. Knows the ids of the full grid (000…107) and of the grid without neutral
/// prompts (00…71); limited and sampled grids keep those ids, so their rows are found too.
/// </summary>
public sealed class NeutralWordingIndex
{
    private readonly Dictionary<string, GridPrompt> _neutralByPrompt = new(StringComparer.Ordinal);

    public NeutralWordingIndex(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        Scenario = scenario;
        var full = GridBuilder.Build(scenario, includeNeutral: true);
        var sidesOnly = GridBuilder.Build(scenario, includeNeutral: false);
        foreach (var grid in new[] { full, sidesOnly })
        {
            foreach (var triplet in grid.Triplets)
            {
                var neutral = full.Triplets[triplet.Index].Prompts[^1];
                foreach (var prompt in triplet.Prompts)
                    _neutralByPrompt.TryAdd(FactorsKey.Of(prompt.PromptId, prompt.Factors), neutral);
            }
        }
    }

    public Scenario Scenario { get; }

    /// <summary>The neutral prompt of the row's triplet; false when the row is not a prompt of this scenario's grid.</summary>
    public bool TryFindNeutral(string promptId, Factors? factors, out GridPrompt neutral)
    {
        neutral = null!;
        return factors is not null && _neutralByPrompt.TryGetValue(FactorsKey.Of(promptId, factors), out neutral!);
    }

    /// <summary>True when the row is a prompt of this scenario's grid.</summary>
    public bool Contains(string promptId, Factors? factors) => TryFindNeutral(promptId, factors, out _);
}
