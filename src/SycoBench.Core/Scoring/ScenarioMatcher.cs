using SycoBench.Records;
using SycoBench.Scenarios;

namespace SycoBench.Scoring;

/// <summary>
/// Tells which scenario a run was built from when nobody says: the scenario of the catalog whose grid contains the
/// most of the run's (prompt_id, factors) pairs, with the exact wording as a tie-break (rent-v1 and a reworded
/// rent-v2 share factors, not messages).
/// </summary>
public static class ScenarioMatcher
{
    /// <summary>The best-matching scenario, or null when no scenario of <paramref name="searchDirectories"/> matches any row.</summary>
    public static Scenario? Detect(IReadOnlyList<RunRecord> rows, string workingDirectory, IReadOnlyList<string> searchDirectories)
    {
        ArgumentNullException.ThrowIfNull(rows);
        (Scenario Scenario, int Matched, int Worded)? best = null;
        var ambiguous = false;
        foreach (var name in ScenarioCatalog.List(searchDirectories))
        {
            Scenario scenario;
            try
            {
                scenario = ScenarioLoader.Load(ScenarioCatalog.ResolvePath(name, workingDirectory, searchDirectories));
            }
            catch (InputException)
            {
                continue; // a broken scenario file cannot be the one the run used
            }

            var (matched, worded) = Count(scenario, rows);
            if (matched == 0)
                continue;
            if (best is null || matched > best.Value.Matched || (matched == best.Value.Matched && worded > best.Value.Worded))
            {
                ambiguous = false;
                best = (scenario, matched, worded);
            }
            else if (matched == best.Value.Matched && worded == best.Value.Worded)
            {
                ambiguous = true;
            }
        }

        if (ambiguous)
            throw new InputException($"the run's prompts match several scenarios equally well (one is {best!.Value.Scenario.Id}); name the scenario");
        return best?.Scenario;
    }

    private static (int Matched, int Worded) Count(Scenario scenario, IReadOnlyList<RunRecord> rows)
    {
        var prompts = new Dictionary<string, GridPrompt>(StringComparer.Ordinal);
        foreach (var prompt in GridBuilder.Build(scenario, includeNeutral: true).Prompts.Concat(GridBuilder.Build(scenario, includeNeutral: false).Prompts))
            prompts.TryAdd(FactorsKey.Of(prompt.PromptId, prompt.Factors), prompt);

        int matched = 0, worded = 0;
        foreach (var row in rows)
        {
            if (row.Factors is null || !prompts.TryGetValue(FactorsKey.Of(row.PromptId, row.Factors), out var prompt))
                continue;
            matched++;
            if (SameWording(prompt.Messages, row.Messages))
                worded++;
        }

        return (matched, worded);
    }

    private static bool SameWording(IReadOnlyList<PromptMessage> expected, IReadOnlyList<PromptMessage>? actual) =>
        actual is not null
        && expected.Count == actual.Count
        && expected.Zip(actual).All(p => p.First.Role == p.Second.Role && p.First.Content == p.Second.Content);
}
