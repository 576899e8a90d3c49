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
