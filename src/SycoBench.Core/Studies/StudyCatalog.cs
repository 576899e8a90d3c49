namespace SycoBench.Studies;

/// <summary>
/// Finds a study file by path, or by name (<c>demo</c> → <c>data/studies/demo.json</c>: the working directory's
/// <c>data/studies</c> first, then the one shipped beside the program), as rosters and scenarios are found.
/// </summary>
public static class StudyCatalog
{
    public const string Demo = "demo";

    public static IReadOnlyList<string> DefaultSearchDirectories(string workingDirectory) =>
        DataFiles.SearchDirectories(workingDirectory, "studies");

    public static string Locate(string nameOrPath, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(nameOrPath);
        var path = Path.GetFullPath(nameOrPath, workingDirectory);
        if (DataFiles.LooksLikePath(nameOrPath) || File.Exists(path))
        {
            return File.Exists(path) ? path : throw new DataFileException(nameOrPath, "", "study file not found");
        }

        var searchDirectories = DefaultSearchDirectories(workingDirectory);
        if (DataFiles.Find(nameOrPath, searchDirectories) is { } found)
            return found;
        var known = DataFiles.List(searchDirectories);
        var hint = known.Count == 0 ? "no study files were found" : "known studies: " + string.Join(", ", known);
        throw new DataFileException(nameOrPath, "", $"unknown study ({hint}; or give a path to a .json file)");
    }
}
