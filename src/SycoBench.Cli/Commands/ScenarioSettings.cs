using SycoBench.Scenarios;

namespace SycoBench.Cli.Commands;

/// <summary>
/// The options of a command that builds prompts from a scenario (<c>grid</c>, <c>demo</c>): which scenario, by name
/// or file, rent-v1 when none is named. Declared once here so both commands read it the same way.
/// </summary>
public abstract class ScenarioSettings : CommandSettings
{
    [CommandOption("--scenario <NAME|PATH>")]
    [Description("Scenario name (a file in data/scenarios) or path to a scenario JSON file.")]
    [DefaultValue(ScenarioCatalog.DefaultScenario)]
    public string Scenario { get; init; } = ScenarioCatalog.DefaultScenario;
}
