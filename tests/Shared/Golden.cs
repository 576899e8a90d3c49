namespace SycoBench.Testing;

/// <summary>
/// Golden files of the formats SycoBench writes, kept in tests/fixtures/golden. A test compares what is written today
/// with the file byte for byte; with <c>SYCOBENCH_UPDATE_GOLDEN=1</c> in the environment it rewrites the file in the
/// source tree instead (then review the difference with git before committing it).
/// </summary>
internal static class Golden
{
    private static bool Updating => Environment.GetEnvironmentVariable("SYCOBENCH_UPDATE_GOLDEN") == "1";

    /// <summary>Texts longer than this are kept as their SHA-256 (the repository holds no megabytes of goldens).</summary>
    private const int LargestKeptAsText = 200_000;

    /// <summary>Compares <paramref name="actual"/> with the golden file <paramref name="name"/> (a path below tests/fixtures/golden).</summary>
    public static void AssertMatches(string name, string actual)
    {
        if (actual.Length > LargestKeptAsText)
        {
            // A large output is kept as its hash; when it differs the actual text is left in the temp folder to diff.
            var hash = $"sha256 {Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(actual)))}, {actual.Split('\n').Length} lines\n";
            if (!Updating && hash != File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "golden", name)))
            {
                var left = Path.Combine(Path.GetTempPath(), "sycobench-golden-actual", name);
                Directory.CreateDirectory(Path.GetDirectoryName(left)!);
                File.WriteAllText(left, actual);
                Assert.Fail($"{name} differs from the golden hash (the actual text is in {left}); if the change is intended, run the test with SYCOBENCH_UPDATE_GOLDEN=1.");
            }

            actual = hash;
        }

        if (Updating)
        {
            var path = Path.Combine(SourceDirectory(), name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }

        var expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "golden", name));
        if (expected == actual)
            return;
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var first = Enumerable.Range(0, Math.Min(expectedLines.Length, actualLines.Length)).FirstOrDefault(i => expectedLines[i] != actualLines[i], Math.Min(expectedLines.Length, actualLines.Length));
        Assert.Fail($"{name} differs from the golden file at line {first + 1}:\n"
            + $"expected: {Clip(first < expectedLines.Length ? expectedLines[first] : "(end of file)")}\n"
            + $"actual:   {Clip(first < actualLines.Length ? actualLines[first] : "(end of file)")}\n"
            + "If the change is intended, run the test with SYCOBENCH_UPDATE_GOLDEN=1 and review the difference.");
    }

    /// <summary>
    /// Compares a whole folder of outputs with the golden folder <paramref name="folder"/>: the same file names, and each
    /// file the same text. With <c>SYCOBENCH_UPDATE_GOLDEN=1</c> the golden folder is replaced by <paramref name="files"/>.
    /// </summary>
    public static void AssertFolderMatches(string folder, IReadOnlyDictionary<string, string> files)
    {
        if (Updating)
        {
            var source = Path.Combine(SourceDirectory(), folder);
            if (Directory.Exists(source))
                Directory.Delete(source, recursive: true);
        }
        else
        {
            var root = Path.Combine(AppContext.BaseDirectory, "fixtures", "golden", folder);
            var expectedNames = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
                .Order(StringComparer.Ordinal);
            Assert.Equal(expectedNames, files.Keys.Order(StringComparer.Ordinal));
        }

        foreach (var (name, text) in files)
            AssertMatches(folder + "/" + name, text);
    }

    private static string Clip(string line) => line.Length <= 400 ? line : line[..400] + " …";

    private static string SourceDirectory() => RepositoryFolder.Combine("tests", "fixtures", "golden");
}
