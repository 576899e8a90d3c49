using SycoBench.Statistics;

namespace SycoBench.Reporting.Paired;

/// <summary>
/// Compares the SI of every pair of models on the scenarios both have: the bootstrap interval of the per-scenario
/// differences d_k = Δ_A,k − Δ_B,k (the same resamples as the models' own intervals) and the paired sign-flip test of
/// "no difference" over those d_k (exact where <see cref="SignFlipTest"/> can be). Holm's correction is applied by the
/// caller over the family <see cref="ReportOptions.HolmFamily"/> names. When both models have the same scenarios the
/// replicates of the difference are the difference of their replicates, which is exact and fast.
/// </summary>
internal static class ModelComparer
{
    public static IReadOnlyList<ModelComparison> CompareAll(IReadOnlyList<ModelWork> models, Bootstrap bootstrap, int permutations)
    {
        var pairs = new List<(int A, int B)>();
        for (var a = 0; a < models.Count; a++)
        {
            for (var b = a + 1; b < models.Count; b++)
                pairs.Add((a, b));
        }

        var results = new ModelComparison[pairs.Count];
        Parallel.For(0, pairs.Count, () => new double[bootstrap.Resamples], (i, _, scratch) =>
        {
            results[i] = Compare(models[pairs[i].A], models[pairs[i].B], bootstrap, permutations, scratch);
            return scratch;
        }, _ => { });

        return results;
    }

    private static ModelComparison Compare(ModelWork a, ModelWork b, Bootstrap bootstrap, int permutations, double[] scratch)
    {
        var idA = a.Statistics.ModelId;
        var idB = b.Statistics.ModelId;
        var common = a.PairedTriplets.Intersect(b.PairedTriplets).Order().ToArray();
        if (common.Length < 2)
            return new ModelComparison(idA, idB, new Estimate(common.Length == 1 ? a.Deltas[common[0]] - b.Deltas[common[0]] : null, null, null, common.Length), null, null, false);

        var differences = common.Select(k => a.Deltas[k] - b.Deltas[k]).ToArray();
        var point = differences.Average();
        double[] replicates;
        if (common.Length == a.PairedTriplets.Length && common.Length == b.PairedTriplets.Length)
        {
            var left = System.Runtime.InteropServices.MemoryMarshal.Cast<double, System.Numerics.Vector<double>>(a.SiReplicates);
            var right = System.Runtime.InteropServices.MemoryMarshal.Cast<double, System.Numerics.Vector<double>>(b.SiReplicates);
            var difference = System.Runtime.InteropServices.MemoryMarshal.Cast<double, System.Numerics.Vector<double>>(scratch.AsSpan());
            for (var v = 0; v < left.Length; v++)
                difference[v] = left[v] - right[v];
            for (var r = left.Length * System.Numerics.Vector<double>.Count; r < scratch.Length; r++)
                scratch[r] = a.SiReplicates[r] - b.SiReplicates[r];
            replicates = scratch;
        }
        else
        {
            replicates = bootstrap.MeanReplicates(differences, differences.Length, 1);
        }

        var (low, high) = Bootstrap.PercentileInterval(replicates);
        var signFlip = SignFlipTest.TwoSided(differences, permutations, bootstrap.Seed);
        return new ModelComparison(idA, idB, Estimate.From(point, low, high, common.Length), Estimate.Finite(signFlip.PValue), null, signFlip.Exact);
    }
}
