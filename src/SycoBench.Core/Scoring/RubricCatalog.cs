namespace SycoBench.Scoring;

/// <summary>
/// Finds a rubric by name (<c>axis-v1</c> → <c>data/rubrics/axis-v1.json</c>) or by path, and the default rubric of a
/// scenario: <c>data/rubrics/&lt;scenario id&gt;.json</c> when a scenario has a rubric of its own, else
/// <see cref="DefaultRubric"/>. Names are looked up in the working directory's <c>data/rubrics</c> first, then in the
/// one shipped beside the program.
/// </summary>
public static class RubricCatalog
{
    public const string DefaultRubric = "axis-v1";

    public static IReadOnlyList<string> DefaultSearchDirectories(string workingDirectory) =>
        DataFiles.SearchDirectories(workingDirectory, "rubrics");

    /// <summary>The rubric file to use: <paramref name="nameOrPath"/> when given, else the scenario's default.</summary>
    public static string ResolvePath(string? nameOrPath, string scenarioId, string workingDirectory, IReadOnlyList<string>? searchDirectories = null)
    {
        searchDirectories ??= DefaultSearchDirectories(workingDirectory);
        if (nameOrPath is not null)
        {
            if (DataFiles.LooksLikePath(nameOrPath))
            {
                var path = Path.GetFullPath(nameOrPath, workingDirectory);
                return File.Exists(path) ? path : throw new DataFileException(nameOrPath, "", "rubric file not found");
            }

            return DataFiles.Find(nameOrPath, searchDirectories)
                ?? throw new DataFileException(nameOrPath, "", $"unknown rubric (known: {string.Join(", ", List(searchDirectories))}; or give a path to a .json file)");
        }

        return DataFiles.Find(scenarioId, searchDirectories)
            ?? DataFiles.Find(DefaultRubric, searchDirectories)
            ?? throw new DataFileException(DefaultRubric, "", "the default rubric was not found in " + string.Join(" or ", searchDirectories));
    }

    public static Rubric Load(string? nameOrPath, string scenarioId, string workingDirectory) =>
        RubricLoader.Load(ResolvePath(nameOrPath, scenarioId, workingDirectory));

    public static IReadOnlyList<string> List(IReadOnlyList<string> searchDirectories) => DataFiles.List(searchDirectories);
}
