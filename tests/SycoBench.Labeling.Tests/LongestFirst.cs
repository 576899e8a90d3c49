using Xunit.Abstractions;

[assembly: TestCollectionOrderer("SycoBench.Labeling.Tests.LongestFirst", "SycoBench.Labeling.Tests")]

namespace SycoBench.Labeling.Tests;

/// <summary>
/// Starts the test collections that take longest first, the rest after them in xUnit's own order. Classes run 8 at
/// a time (xunit.runner.json) and each collection's tests one after another, so a long collection started last sets
/// the end of the run: xUnit's order (by a hash of the id) had the browser classes (one collection, 10-24 s) start
/// 50 s into a 74 s run. Longest by the test durations of whole-assembly runs (load 18-24): the review-function script
/// and the real-program tests 15-40 s, the browser collection 10-24 s, the assigner, hardening and portal classes 8-25 s.
/// </summary>
public sealed class LongestFirst : ITestCollectionOrderer
{
    private static readonly string[] Longest =
    [
        "PostgresReviewFunctionTests", "AcceptanceTests", "LabelServeCommandTests", BrowserTestGroup.Name,
        "ReviewAssignerOnPostgresTests", "HardeningTests", "PortalCommandTests", "PortalMigrateTests",
    ];

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(Rank);

    /// <summary>The place of the collection's class (or the browser group) in <see cref="Longest"/>; the others after.</summary>
    private static int Rank(ITestCollection collection)
    {
        // "Test collection for NAMESPACE.CLASS", or the name a [CollectionDefinition] gives.
        var name = collection.DisplayName;
        var index = Array.FindIndex(Longest, n => name.EndsWith("." + n, StringComparison.Ordinal) || name == n);
        return index < 0 ? Longest.Length : index;
    }
}
