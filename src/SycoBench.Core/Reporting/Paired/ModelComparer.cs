using SycoBench.Statistics;

namespace SycoBench.Reporting.Paired;

/// <summary>
/// Compares the SI of every pair of models on the scenarios both have: the mean of the per-scenario differences
/// d_k = Δ_A,k − Δ_B,k with the interval of the report's target (population: t over the triplets, crossed with the
/// paraphrases when the scenario has them; grid: the two models' within-prompt variances added), and the paired
/// sign-flip test of "no difference" over those d_k (exact where <see cref="SignFlipTest"/> can be). Holm's correction
/// is applied by the caller over the family <see cref="ReportOptions.HolmFamily"/> names.
/// </summary>
internal static class ModelComparer
{
    public static IReadOnlyList<ModelComparison> CompareAll(IReadOnlyList<ModelWork> models, IntervalMaker intervals, long seed, int permutations)
    {
        var pairs = new List<(int A, int B)>();
        for (var a = 0; a < models.Count; a++)
        {
            for (var b = a + 1; b < models.Count; b++)
                pairs.Add((a, b));
        }

        var results = new ModelComparison[pairs.Count];
        Parallel.For(0, pairs.Count, i => results[i] = Compare(models[pairs[i].A], models[pairs[i].B], intervals, seed, permutations));
        return results;
    }

    private static ModelComparison Compare(ModelWork a, ModelWork b, IntervalMaker intervals, long seed, int permutations)
    {
        var idA = a.Statistics.ModelId;
        var idB = b.Statistics.ModelId;
        var common = a.PairedTriplets.Intersect(b.PairedTriplets).Order().ToArray();
        if (common.Length < 2)
            return new ModelComparison(idA, idB, new Estimate(common.Length == 1 ? a.Deltas[common[0]] - b.Deltas[common[0]] : null, null, null, common.Length), null, null, false);

        var differences = common.Select(k => a.Deltas[k] - b.Deltas[k]).ToArray();
        var point = new Estimate(Estimate.Finite(differences.Average()), null, null, common.Length);
        Estimate difference;
        if (intervals.Target == InferenceTarget.Grid)
        {
            // The two models' answers are independent draws: their within-prompt variances add.
            var variance = common.Sum(k => a.SiGridTerms[k] + b.SiGridTerms[k]) / ((double)common.Length * common.Length);
            difference = IntervalMaker.Grid(point, variance);
        }
        else
        {
            difference = intervals.OverTriplets(point, common, differences);
        }

        var signFlip = SignFlipTest.TwoSided(differences, permutations, seed);
        return new ModelComparison(idA, idB, difference, Estimate.Finite(signFlip.PValue), null, signFlip.Exact);
    }
}
