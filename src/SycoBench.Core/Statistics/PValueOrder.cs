namespace SycoBench.Statistics;

/// <summary>
/// What every multiplicity adjustment starts from: the indexes of the p-values that are tests (not NaN), smallest p
/// first (ties in input order), and a result array in which the entries that are not tests stay NaN.
/// </summary>
internal static class PValueOrder
{
    public static (double[] Adjusted, int[] Ascending) Start(IReadOnlyList<double> pValues)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        var adjusted = new double[pValues.Count];
        Array.Fill(adjusted, double.NaN);
        var ascending = Enumerable.Range(0, pValues.Count)
            .Where(i => !double.IsNaN(pValues[i]))
            .OrderBy(i => pValues[i])
            .ThenBy(i => i)
            .ToArray();
        return (adjusted, ascending);
    }
}
