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

    public static string Locate(string nameOrPath, string workingDirectory) =>
        DataFiles.Locate(nameOrPath, workingDirectory, DefaultSearchDirectories(workingDirectory), "study", "studies");
}
