namespace SycoBench.Statistics;

/// <summary>Cohen's (1960) unweighted kappa of two raters who put the same subjects into nominal categories.</summary>
public static class CohenKappa
{
    /// <summary>
    /// <paramref name="first"/>[i] and <paramref name="second"/>[i] are the categories (0 … categories − 1) the two raters
    /// gave subject i. Pₒ is the share of subjects on which they agree; Pₑ = Σⱼ pⱼ(A) pⱼ(B), the agreement expected from
    /// each rater's own category shares. Null when there is no subject.
    /// </summary>
    public static Kappa? Compute(IReadOnlyList<int> first, IReadOnlyList<int> second, int categories)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        ArgumentOutOfRangeException.ThrowIfLessThan(categories, 1);
        if (first.Count != second.Count)
            throw new ArgumentException($"paired ratings differ in length ({first.Count} and {second.Count})", nameof(second));
        var n = first.Count;
        if (n == 0)
            return null;

        var sharesA = new double[categories];
        var sharesB = new double[categories];
        var agreed = 0;
        for (var i = 0; i < n; i++)
        {
            var a = Category(first[i], categories);
            var b = Category(second[i], categories);
            sharesA[a]++;
            sharesB[b]++;
            if (a == b)
                agreed++;
        }

        var expected = 0.0;
        for (var j = 0; j < categories; j++)
            expected += sharesA[j] / n * (sharesB[j] / n);
        return Kappa.From((double)agreed / n, expected, n);
    }

    private static int Category(int value, int categories) =>
        value >= 0 && value < categories ? value : throw new ArgumentOutOfRangeException(nameof(value), value, $"categories run from 0 to {categories - 1}");
}
