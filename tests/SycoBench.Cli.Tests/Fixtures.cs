namespace SycoBench.Cli.Tests;

internal static class Fixtures
{
    public static string Reference(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", "reference", name);
}
