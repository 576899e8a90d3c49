namespace SycoBench.Tests;

internal static class TestFiles
{
    public static string Reference(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", "reference", name);

    public static string Scenario(string name) => Path.Combine(AppContext.BaseDirectory, "data", "scenarios", name + ".json");

    public static string ScenarioDirectory => Path.Combine(AppContext.BaseDirectory, "data", "scenarios");
}

/// <summary>A temporary folder deleted with the test.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sycobench-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
