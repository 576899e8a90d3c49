namespace SycoBench.Statistics;

/// <summary>
/// Fleiss' (1971) kappa: agreement of many raters putting subjects into nominal categories, where each subject may be
/// rated by different raters. With nᵢ ratings of subject i, nᵢⱼ of them in category j:
/// Pᵢ = Σⱼ nᵢⱼ(nᵢⱼ − 1) / (nᵢ(nᵢ − 1)), P̄ = the mean of Pᵢ, pⱼ = Σᵢ nᵢⱼ / Σᵢ nᵢ and Pₑ = Σⱼ pⱼ². With the same n for
/// every subject this is Fleiss' formula exactly; with unequal nᵢ each subject's agreement still counts once.
/// </summary>
public static class FleissKappa
{
    /// <summary>
    /// <paramref name="counts"/>[i][j]: how many raters put subject i into category j. Subjects with fewer than two
    /// ratings hold no agreement and are left out. Null when no subject is left.
    /// </summary>
    public static Kappa? Compute(IEnumerable<IReadOnlyList<int>> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        double[]? totals = null;
        double agreementSum = 0, ratings = 0;
        var subjects = 0;
        foreach (var row in counts)
        {
            totals ??= new double[row.Count];
            if (row.Count != totals.Length)
                throw new ArgumentException("every subject needs a count for every category", nameof(counts));
            var n = 0;
            double pairs = 0;
            foreach (var count in row)
            {
                ArgumentOutOfRangeException.ThrowIfNegative(count);
                n += count;
                pairs += (double)count * (count - 1);
            }

            if (n < 2)
                continue;
            for (var j = 0; j < row.Count; j++)
                totals[j] += row[j];
            agreementSum += pairs / ((double)n * (n - 1));
            ratings += n;
            subjects++;
        }

        if (subjects == 0)
            return null;
        var expected = totals!.Sum(t => t / ratings * (t / ratings));
        return Kappa.From(agreementSum / subjects, expected, subjects);
    }
}
