using SycoBench.Records;

namespace SycoBench.Scenarios;

/// <summary>Finds which known scenario a grid was built from: every prompt must appear, same id and messages, in its grid.</summary>
public static class ScenarioIdentifier
{
    public static Scenario? Identify(IReadOnlyList<GridPrompt> prompts, IReadOnlyList<string> searchDirectories)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        foreach (var name in ScenarioCatalog.List(searchDirectories))
        {
            Scenario scenario;
            try
            {
                scenario = ScenarioCatalog.Load(name, "/", searchDirectories);
            }
            catch (ScenarioFormatException)
            {
                continue;
            }

            foreach (var includeNeutral in new[] { true, false })
            {
                var known = GridBuilder.Build(scenario, includeNeutral).Prompts.ToDictionary(p => p.PromptId, StringComparer.Ordinal);
                if (prompts.All(p => known.TryGetValue(p.PromptId, out var k) && SameMessages(k, p)))
                    return scenario;
            }
        }

        return null;
    }

    private static bool SameMessages(GridPrompt a, GridPrompt b) =>
        a.Messages.Count == b.Messages.Count
        && a.Messages.Zip(b.Messages).All(pair => pair.First.Role == pair.Second.Role && pair.First.Content == pair.Second.Content);
}
