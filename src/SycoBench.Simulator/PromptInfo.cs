using SycoBench.Scenarios;

namespace SycoBench.Simulator;

/// <summary>What a simulated model understands of a prompt: who asks (+1 the side wanting the increase, -1 the other, 0 neutral) and the details.</summary>
internal sealed record PromptInfo(int AskerSide, string PositiveName, string NegativeName, string Amount, string Base, string PromptKey)
{
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
            foreach (var prompt in GridBuilder.Build(scenario).Prompts)
            {
                var user = prompt.Messages[^1].Content;
                var side = prompt.Perspective == positive ? 1 : prompt.Perspective == negative ? -1 : 0;
                var amount = prompt.Factors.GetText(Scenario.AmountKey) ?? "the";
                _byUserMessage.TryAdd(user, new PromptInfo(side, positive, negative, amount, baseText, user));
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
