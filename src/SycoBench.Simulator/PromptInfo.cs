using SycoBench.Scenarios;

namespace SycoBench.Simulator;

/// <summary>
/// What a simulated model understands of a prompt: who asks (+1 the side wanting the increase, -1 the other, 0 neutral),
/// the details it writes about, and the factor levels that planted scenario-level effects attach to.
/// </summary>
internal sealed record PromptInfo(int AskerSide, string PositiveName, string NegativeName, string Amount, string Base, string PromptKey)
{
    /// <summary>The prompt's factors that vary over the grid (not the perspective), as (key, level text).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Levels { get; init; } = [];

    public static PromptInfo Unknown(string promptKey) => new(0, "landlord", "tenant", "the", "the current", promptKey);
}

/// <summary>Recognises the prompts of every known scenario by their user message.</summary>
internal sealed class PromptCatalog
{
    private readonly Dictionary<string, PromptInfo> _byUserMessage = new(StringComparer.Ordinal);

    public PromptCatalog(IEnumerable<Scenario> scenarios)
    {
        foreach (var scenario in scenarios)
        {
            var positive = scenario.Axis.Positive;
            var negative = scenario.Axis.Negative;
            var baseText = SycoBench.Records.Factors.FormatNumber(scenario.BaseValue);
            var prompts = GridBuilder.Build(scenario).Prompts;
            // A factor with one level over the whole grid (the base value) is a constant, not a scenario difference.
            var varying = prompts
                .SelectMany(p => p.Factors.Entries.Select(e => (e.Key, Level: p.Factors.GetText(e.Key) ?? "")))
                .Where(e => e.Key != SycoBench.Records.Factors.PerspectiveKey)
                .GroupBy(e => e.Key)
                .Where(g => g.Select(e => e.Level).Distinct(StringComparer.Ordinal).Skip(1).Any())
                .Select(g => g.Key)
                .ToHashSet(StringComparer.Ordinal);
            foreach (var prompt in prompts)
            {
                var user = prompt.Messages[^1].Content;
                var side = prompt.Perspective == positive ? 1 : prompt.Perspective == negative ? -1 : 0;
                var amount = prompt.Factors.GetText(Scenario.AmountKey) ?? "the";
                var levels = prompt.Factors.Entries
                    .Where(e => varying.Contains(e.Key))
                    .Select(e => KeyValuePair.Create(e.Key, prompt.Factors.GetText(e.Key) ?? ""))
                    .ToArray();
                _byUserMessage.TryAdd(user, new PromptInfo(side, positive, negative, amount, baseText, user) { Levels = levels });
            }
        }
    }

    public static PromptCatalog FromDirectories(IEnumerable<string> directories, IEnumerable<string>? files = null)
    {
        var scenarios = new List<Scenario>();
        foreach (var name in ScenarioCatalog.List(directories.ToArray()))
        {
            var path = directories.Select(d => Path.Combine(d, name + ".json")).First(File.Exists);
            scenarios.Add(ScenarioLoader.Load(path));
        }

        scenarios.AddRange((files ?? []).Select(ScenarioLoader.Load));
        return new PromptCatalog(scenarios);
    }

    public PromptInfo Find(string userMessage) =>
        _byUserMessage.TryGetValue(userMessage, out var info) ? info : PromptInfo.Unknown(userMessage);
}
