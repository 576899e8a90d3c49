namespace SycoBench.Cli.Tests;

/// <summary>
/// Copies a folder a fixture prepared once into a test's own temporary folder, so tests that each need the same
/// starting files (a label database, a report written from the reference run) pay for making them once and still
/// cannot see one another's changes.
/// </summary>
internal static class FolderCopy
{
    /// <summary>A new temporary folder holding every file and folder of <paramref name="source"/>, byte for byte.</summary>
    public static TempDirectory Of(string source)
    {
        var copy = new TempDirectory();
        foreach (var directory in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(copy.Path, Path.GetRelativePath(source, directory)));
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(copy.Path, Path.GetRelativePath(source, file)));
        return copy;
    }
}
