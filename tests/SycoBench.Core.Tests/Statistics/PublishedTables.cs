namespace SycoBench.Tests.Statistics;

/// <summary>Rating tables from the papers whose published figures the statistics tests reproduce.</summary>
internal static class PublishedTables
{
    /// <summary>Shrout &amp; Fleiss (1979), Table 2: six targets, each rated by the same four judges.</summary>
    public static readonly double[][] ShroutFleiss =
    [
        [9, 2, 5, 8],
        [6, 1, 3, 2],
        [8, 4, 6, 8],
        [7, 1, 2, 6],
        [10, 5, 6, 9],
        [6, 2, 4, 7],
    ];
}
