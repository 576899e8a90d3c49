namespace SycoBench;

/// <summary>
/// Where the data researchers edit lives — <c>data/scenarios</c>, <c>data/rubrics</c>, <c>data/models</c> — and how
/// a name finds its file: the working directory's <c>data/</c> first, then the copy shipped beside the program.
/// </summary>
public static class DataFiles
{
    /// <summary>The folders searched for <c>data/&lt;kind&gt;</c> files, in order.</summary>
    public static IReadOnlyList<string> SearchDirectories(string workingDirectory, string kind) =>
    [
        Path.Combine(workingDirectory, "data", kind),
        Path.Combine(AppContext.BaseDirectory, "data", kind),
    ];

    /// <summary>
    /// The file of <paramref name="nameOrPath"/>: a path (relative to <paramref name="workingDirectory"/>) when it looks
    /// like one or names an existing file, which must then exist; else the first <c>NAME.json</c> found in
    /// <paramref name="searchDirectories"/>. An unknown name is refused with the names that are known. <paramref name="kind"/>
    /// and <paramref name="kinds"/> name the kind of file in messages (<c>roster</c>, <c>rosters</c>).
    /// </summary>
    public static string Locate(string nameOrPath, string workingDirectory, IReadOnlyList<string> searchDirectories, string kind, string kinds)
    {
        ArgumentNullException.ThrowIfNull(nameOrPath);
        var path = Path.GetFullPath(nameOrPath, workingDirectory);
        if (LooksLikePath(nameOrPath) || File.Exists(path))
            return File.Exists(path) ? path : throw new DataFileException(nameOrPath, "", $"{kind} file not found");
        if (Find(nameOrPath, searchDirectories) is { } found)
            return found;
        var known = List(searchDirectories);
        var hint = known.Count == 0 ? $"no {kind} files were found" : $"known {kinds}: " + string.Join(", ", known);
        throw new DataFileException(nameOrPath, "", $"unknown {kind} ({hint}; or give a path to a .json file)");
    }

    /// <summary>The first <c>NAME.json</c> found in <paramref name="searchDirectories"/>, or null.</summary>
    public static string? Find(string name, IReadOnlyList<string> searchDirectories) =>
        searchDirectories.Select(d => Path.Combine(d, name + ".json")).FirstOrDefault(File.Exists);

    /// <summary>The names of the <c>.json</c> files found, first occurrence wins, in ordinal order.</summary>
    public static IReadOnlyList<string> List(IReadOnlyList<string> searchDirectories) =>
        searchDirectories
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*.json"))
            .Select(f => Path.GetFileNameWithoutExtension(f))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();

    /// <summary>A value is a path (not a name) when it ends in .json or names a folder.</summary>
    public static bool LooksLikePath(string value) =>
        value.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
        || value.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal)
        || value.Contains('/', StringComparison.Ordinal);
}
