namespace SycoBench.Tests;

internal static class TestFiles
{
    public static string Reference(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", "reference", name);

    public static string Scenario(string name) => Path.Combine(AppContext.BaseDirectory, "data", "scenarios", name + ".json");

    public static string ScenarioDirectory => Path.Combine(AppContext.BaseDirectory, "data", "scenarios");
}

