namespace SycoBench.Testing;

/// <summary>The checkout the tests run from: the folder holding SycoBench.slnx, above the test binaries.</summary>
internal static class RepositoryFolder
{
    private static readonly Lazy<string> Found = new(Find);

    /// <summary>The repository's root folder.</summary>
    public static string Root => Found.Value;

    /// <summary>A path below the root, given as its parts.</summary>
    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SycoBench.slnx")))
                return dir.FullName;
        }

        throw new InvalidOperationException("the repository root (SycoBench.slnx) is not above " + AppContext.BaseDirectory);
    }
}
