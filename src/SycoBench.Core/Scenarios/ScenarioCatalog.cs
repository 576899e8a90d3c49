namespace SycoBench.Scenarios;

/// <summary>
/// Finds a scenario by name (<c>rent-v1</c> → <c>data/scenarios/rent-v1.json</c>) or by path. Names are looked up in
/// the working directory's <c>data/scenarios</c> first, then in the one shipped beside the program.
/// </summary>
public static class ScenarioCatalog
{
    public const string DefaultScenario = "rent-v1";

    public static IReadOnlyList<string> DefaultSearchDirectories(string workingDirectory) =>
    [
        Path.Combine(workingDirectory, "data", "scenarios"),
        Path.Combine(AppContext.BaseDirectory, "data", "scenarios"),
    ];

    /// <summary>The file of a scenario; a path is taken relative to <paramref name="workingDirectory"/>.</summary>
    public static string ResolvePath(string nameOrPath, string workingDirectory, IReadOnlyList<string> searchDirectories)
    {
        if (LooksLikePath(nameOrPath))
        {
            var path = Path.GetFullPath(nameOrPath, workingDirectory);
            return File.Exists(path)
                ? path
                : throw new ScenarioFormatException(nameOrPath, "", "scenario file not found");
        }

        foreach (var directory in searchDirectories)
        {
            var candidate = Path.Combine(directory, nameOrPath + ".json");
            if (File.Exists(candidate))
                return candidate;
        }

        var known = List(searchDirectories);
        var hint = known.Count == 0 ? "no scenario files were found" : "known scenarios: " + string.Join(", ", known);
        throw new ScenarioFormatException(nameOrPath, "", $"unknown scenario ({hint}; or give a path to a .json file)");
    }

    public static Scenario Load(string nameOrPath, string workingDirectory) =>
        Load(nameOrPath, workingDirectory, DefaultSearchDirectories(workingDirectory));

    public static Scenario Load(string nameOrPath, string workingDirectory, IReadOnlyList<string> searchDirectories) =>
        ScenarioLoader.Load(ResolvePath(nameOrPath, workingDirectory, searchDirectories));

    /// <summary>The scenario names found in the search directories, first occurrence wins.</summary>
    public static IReadOnlyList<string> List(IReadOnlyList<string> searchDirectories) =>
        searchDirectories
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*.json"))
            .Select(f => Path.GetFileNameWithoutExtension(f))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();

    private static bool LooksLikePath(string value) =>
        value.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
        || value.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal)
        || value.Contains('/', StringComparison.Ordinal);
}
