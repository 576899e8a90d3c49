namespace SycoBench.Scenarios;

/// <summary>
/// Finds a scenario by name (<c>rent-v1</c> → <c>data/scenarios/rent-v1.json</c>) or by path. Names are looked up in
/// the working directory's <c>data/scenarios</c> first, then in the one shipped beside the program.
/// </summary>
public static class ScenarioCatalog
{
    public const string DefaultScenario = "rent-v1";

    public static IReadOnlyList<string> DefaultSearchDirectories(string workingDirectory) =>
        DataFiles.SearchDirectories(workingDirectory, "scenarios");

    /// <summary>The file of a scenario; a path is taken relative to <paramref name="workingDirectory"/>.</summary>
    public static string ResolvePath(string nameOrPath, string workingDirectory, IReadOnlyList<string> searchDirectories)
    {
        if (DataFiles.LooksLikePath(nameOrPath))
        {
            var path = Path.GetFullPath(nameOrPath, workingDirectory);
            return File.Exists(path)
                ? path
                : throw new ScenarioFormatException(nameOrPath, "", "scenario file not found");
        }

        if (DataFiles.Find(nameOrPath, searchDirectories) is { } found)
            return found;

        var known = List(searchDirectories);
        var hint = known.Count == 0 ? "no scenario files were found" : "known scenarios: " + string.Join(", ", known);
        throw new ScenarioFormatException(nameOrPath, "", $"unknown scenario ({hint}; or give a path to a .json file)");
    }

    public static Scenario Load(string nameOrPath, string workingDirectory) =>
        Load(nameOrPath, workingDirectory, DefaultSearchDirectories(workingDirectory));

    public static Scenario Load(string nameOrPath, string workingDirectory, IReadOnlyList<string> searchDirectories) =>
        ScenarioLoader.Load(ResolvePath(nameOrPath, workingDirectory, searchDirectories));

    /// <summary>The scenario names found in the search directories, first occurrence wins.</summary>
    public static IReadOnlyList<string> List(IReadOnlyList<string> searchDirectories) => DataFiles.List(searchDirectories);
}
