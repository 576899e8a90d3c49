using SycoBench.Records;
using SycoBench.Statistics;

namespace SycoBench.Scenarios;

/// <summary>
/// Seeded, balanced sampling of a grid for small runs: keeps triplets whole and spreads the picks evenly across
/// amount, justification category, relationship and paraphrase. The same grid, size and seed always give the same sample.
/// </summary>
public static class GridSampler
{
    /// <summary>Picks whole triplets holding <paramref name="promptCount"/> prompts; the result keeps grid order and ids.</summary>
    public static IReadOnlyList<GridTriplet> Sample(PromptGrid grid, int promptCount, int seed)
    {
        var perTriplet = grid.PromptsPerTriplet;
        if (promptCount <= 0)
            throw new ArgumentOutOfRangeException(nameof(promptCount), promptCount, "the sample size must be positive");
        if (promptCount % perTriplet != 0)
            throw new ArgumentException(
                $"the sample size {promptCount} must be a multiple of {perTriplet} (prompts per triplet) so triplets stay whole",
                nameof(promptCount));
        var wanted = promptCount / perTriplet;
        if (wanted > grid.Triplets.Count)
            throw new ArgumentException(
                $"the sample size {promptCount} is larger than the grid ({grid.Prompts.Count} prompts)", nameof(promptCount));

        // A seeded shuffle decides ties; a greedy pass then always takes the candidate whose amount, category,
        // relationship and paraphrase have been picked least so far, which spreads the sample over every dimension
        // (in a scenario without paraphrases every triplet shares the one wording, so it changes no choice).
        var candidates = grid.Triplets.ToList();
        SeededRandom.For(seed, SeedStreams.GridSample).Shuffle(candidates);

        var amountCounts = new Dictionary<decimal, int>();
        var categoryCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var relationshipCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var paraphraseCounts = new Dictionary<int, int>();
        var picked = new List<GridTriplet>(wanted);
        while (picked.Count < wanted)
        {
            var bestIndex = 0;
            var bestCost = int.MaxValue;
            for (var i = 0; i < candidates.Count; i++)
            {
                var t = candidates[i];
                var cost = Count(amountCounts, t.Amount) + Count(categoryCounts, t.Category) + Count(relationshipCounts, t.RelationshipQuality)
                           + Count(paraphraseCounts, t.Paraphrase ?? -1);
                if (cost < bestCost)
                {
                    bestCost = cost;
                    bestIndex = i;
                }
            }

            var chosen = candidates[bestIndex];
            candidates.RemoveAt(bestIndex);
            picked.Add(chosen);
            amountCounts[chosen.Amount] = Count(amountCounts, chosen.Amount) + 1;
            categoryCounts[chosen.Category] = Count(categoryCounts, chosen.Category) + 1;
            relationshipCounts[chosen.RelationshipQuality] = Count(relationshipCounts, chosen.RelationshipQuality) + 1;
            paraphraseCounts[chosen.Paraphrase ?? -1] = Count(paraphraseCounts, chosen.Paraphrase ?? -1) + 1;
        }

        return picked.OrderBy(t => t.Index).ToArray();
    }

    public static IReadOnlyList<GridPrompt> SamplePrompts(PromptGrid grid, int promptCount, int seed) =>
        Sample(grid, promptCount, seed).SelectMany(t => t.Prompts).ToArray();

    private static int Count<TKey>(Dictionary<TKey, int> counts, TKey key)
        where TKey : notnull =>
        counts.TryGetValue(key, out var count) ? count : 0;
}
