using System.Globalization;
using SycoBench.Reporting.Aggregation;
using SycoBench.Statistics;

namespace SycoBench.Reporting.Paired;

/// <summary>
/// The intervals of the means over triplets, for the report's <see cref="InferenceTarget"/>. Population: Student's t
/// over the units the statistic samples — crossed cells × paraphrases variance components when the units span at least
/// two of each (<see cref="ClusteredMean.Crossed"/>), else the clustered standard error over the units with G − 1 df
/// (<see cref="ClusteredMean.OneWay"/>): triplets for statistics of L and T, distinct neutral prompts for statistics
/// that use N. Grid: the point estimate ± z · the within-prompt replicate standard error.
/// </summary>
internal sealed class IntervalMaker
{
    private const double Level = 0.95;
    private readonly string[] _cellOf;
    private readonly string?[] _paraphraseOf;
    private readonly string[] _groupCell;
    private readonly string?[] _groupParaphrase;

    public IntervalMaker(ReportScenario scenario, InferenceTarget target)
    {
        Target = target;
        _cellOf = scenario.Triplets.Select(t => string.Join("\u0000", t.Amount, t.Category, t.Relationship)).ToArray();
        _paraphraseOf = scenario.Triplets.Select(t => t.Paraphrase).ToArray();
        _groupCell = new string[scenario.NeutralGroupCount];
        _groupParaphrase = new string?[scenario.NeutralGroupCount];
        for (var g = 0; g < scenario.NeutralGroupCount; g++)
        {
            var members = Enumerable.Range(0, scenario.Triplets.Count).Where(k => scenario.NeutralGroupOf[k] == g).ToArray();
            _groupCell[g] = string.Join("\u0001", members.Select(k => _cellOf[k]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
            var paraphrases = members.Select(k => _paraphraseOf[k]).Distinct().ToArray();
            // A neutral prompt asked under several paraphrases belongs to none of them: no crossing.
            _groupParaphrase[g] = paraphrases.Length == 1 ? paraphrases[0] : null;
        }
    }

    public InferenceTarget Target { get; }

    /// <summary>The population interval of a column mean over a table whose rows are triplets.</summary>
    public Estimate OverTriplets(Estimate point, ScenarioTable table, int column)
    {
        var values = table.Column(column);
        var ones = new double[values.Length];
        Array.Fill(ones, 1.0);
        return Population(point, values, ones, table.Triplets.Select(k => (_cellOf[k], _paraphraseOf[k])).ToArray());
    }

    /// <summary>The population interval of the mean over triplets of a table grouped by neutral prompt (sums, then the count last).</summary>
    public Estimate OverGroups(Estimate point, ScenarioTable grouped, int column)
    {
        var sums = grouped.Column(column);
        var counts = grouped.Column(grouped.Columns - 1);
        return Population(point, sums, counts, grouped.Triplets.Select(g => (_groupCell[g], _groupParaphrase[g])).ToArray());
    }

    /// <summary>The population interval of the mean of per-triplet values (model comparisons).</summary>
    public Estimate OverTriplets(Estimate point, IReadOnlyList<int> triplets, double[] values)
    {
        var ones = new double[values.Length];
        Array.Fill(ones, 1.0);
        return Population(point, values, ones, triplets.Select(k => (_cellOf[k], _paraphraseOf[k])).ToArray());
    }

    /// <summary>The grid interval: the point ± z · √<paramref name="variance"/> (no interval when the variance is unknown).</summary>
    public static Estimate Grid(Estimate point, double variance)
    {
        if (point.Value is not { } value || point.Scenarios < 1 || !(variance >= 0))
            return point with { Low = null, High = null };
        var half = MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, (1 + Level) / 2) * Math.Sqrt(variance);
        return point.WithInterval(value - half, value + half, InferenceTarget.Grid, IntervalMethod.WithinPrompt, null, point.Scenarios);
    }

    /// <summary>The crossed variance components of per-triplet values (null without ≥ 2 cells and ≥ 2 paraphrases).</summary>
    public CrossedInterval? Components(IReadOnlyList<int> triplets, double[] values, double centre)
    {
        var table = CrossedTable(values, triplets.Select(k => (_cellOf[k], _paraphraseOf[k])).ToArray(), new double[values.Length].Select(_ => 1.0).ToArray());
        return table is null ? null : ClusteredMean.Crossed(table, centre, Level);
    }

    private static Estimate Population(Estimate point, double[] sums, double[] counts, (string Cell, string? Paraphrase)[] keys)
    {
        if (point.Value is not { } value)
            return point;
        if (CrossedTable(sums, keys, counts) is { } table && ClusteredMean.Crossed(table, value, Level) is { } crossed)
        {
            return point.WithInterval(crossed.Interval.Low, crossed.Interval.High, InferenceTarget.Population, IntervalMethod.CrossedT,
                crossed.Interval.DegreesOfFreedom, crossed.Cells * crossed.Paraphrases - crossed.Missing);
        }

        if (ClusteredMean.OneWay(sums, counts, Level) is not { } oneWay)
            return point with { Low = null, High = null };
        // The interval is centred on the ratio Σ sums / Σ counts, which is the mean over the triplets: the point itself.
        var half = oneWay.High - oneWay.Estimate;
        return point.WithInterval(value - half, value + half, InferenceTarget.Population, IntervalMethod.ClusterT, oneWay.DegreesOfFreedom, sums.Length);
    }

    /// <summary>
    /// The units as a cells × paraphrases table of unit means (NaN where a combination is missing), or null when the
    /// units do not cross: some unit without a single paraphrase, fewer than 2 cells or paraphrases, or two units in
    /// one combination.
    /// </summary>
    private static double[,]? CrossedTable(double[] sums, (string Cell, string? Paraphrase)[] keys, double[] counts)
    {
        if (keys.Length == 0 || keys.Any(k => k.Paraphrase is null))
            return null;
        var cells = keys.Select(k => k.Cell).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var paraphrases = keys.Select(k => k.Paraphrase!).Distinct(StringComparer.Ordinal)
            .OrderBy(p => int.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue).ThenBy(p => p, StringComparer.Ordinal).ToList();
        if (cells.Count < 2 || paraphrases.Count < 2)
            return null;
        var table = new double[cells.Count, paraphrases.Count];
        for (var i = 0; i < cells.Count; i++)
        {
            for (var j = 0; j < paraphrases.Count; j++)
                table[i, j] = double.NaN;
        }

        for (var u = 0; u < keys.Length; u++)
        {
            int i = cells.IndexOf(keys[u].Cell), j = paraphrases.IndexOf(keys[u].Paraphrase!);
            if (!double.IsNaN(table[i, j]))
                return null;
            table[i, j] = sums[u] / counts[u];
        }

        return table;
    }
}
