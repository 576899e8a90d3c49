namespace SycoBench.Tests;

internal static class TestFiles
{
    public static string Reference(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", "reference", name);

    /// <summary>The original tool's own files (rosters, judge instruction), kept as they were.</summary>
    public static string Origin(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", "origin", name);

    public static string Scenario(string name) => Path.Combine(AppContext.BaseDirectory, "data", "scenarios", name + ".json");

    public static string ScenarioDirectory => Path.Combine(AppContext.BaseDirectory, "data", "scenarios");
}

