namespace SycoBench.Cli.Tests;

internal static class Fixtures
{
    public static string Reference(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", "reference", name);

    /// <summary>The original tool's own files (rosters, judge instruction), kept as they were.</summary>
    public static string Origin(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", "origin", name);
}
