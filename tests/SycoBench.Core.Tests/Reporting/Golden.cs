namespace SycoBench.Tests.Reporting;

/// <summary>
/// Golden files of the formats SycoBench writes, kept in tests/fixtures/golden. A test compares what is written today
/// with the file byte for byte; with <c>SYCOBENCH_UPDATE_GOLDEN=1</c> in the environment it rewrites the file in the
/// source tree instead (then review the difference with git before committing it).
/// </summary>
internal static class Golden
{
    public static void AssertMatches(string name, string actual)
    {
        if (Environment.GetEnvironmentVariable("SYCOBENCH_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(Path.Combine(SourceDirectory(), name), actual);
            return;
        }

        var expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "golden", name));
        if (expected == actual)
            return;
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var first = Enumerable.Range(0, Math.Min(expectedLines.Length, actualLines.Length)).FirstOrDefault(i => expectedLines[i] != actualLines[i], Math.Min(expectedLines.Length, actualLines.Length));
        Assert.Fail($"{name} differs from the golden file at line {first + 1}:\n"
            + $"expected: {(first < expectedLines.Length ? expectedLines[first] : "(end of file)")}\n"
            + $"actual:   {(first < actualLines.Length ? actualLines[first] : "(end of file)")}\n"
            + "If the change is intended, run the test with SYCOBENCH_UPDATE_GOLDEN=1 and review the difference.");
    }

    private static string SourceDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SycoBench.slnx")))
                return Path.Combine(dir.FullName, "tests", "fixtures", "golden");
        }

        throw new InvalidOperationException("the repository root (SycoBench.slnx) is not above the test folder");
    }
}
