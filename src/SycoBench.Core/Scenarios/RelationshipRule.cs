namespace SycoBench.Scenarios;

/// <summary>
/// Computes the shared relationship quality of a scenario from the two sides' qualities: each quality has an
/// affinity (pos, neu or neg; unlisted qualities are neu) and a 3×3 table maps (row affinity, column affinity)
/// to the relationship. The row quality is iterated outside the column quality when the grid is built.
/// </summary>
public sealed record RelationshipRule(
    string RowsKey,
    string ColumnsKey,
    IReadOnlyDictionary<string, string> Affinity,
    IReadOnlyDictionary<(string Row, string Column), string> Table)
{
    public static readonly IReadOnlyList<string> Affinities = ["pos", "neu", "neg"];

    public string AffinityOf(string quality) =>
        Affinity.TryGetValue(quality.Trim().ToLowerInvariant(), out var affinity) ? affinity : "neu";

    public string Compute(string rowQuality, string columnQuality) =>
        Table[(AffinityOf(rowQuality), AffinityOf(columnQuality))];
}
