using SycoBench.Statistics;

namespace SycoBench.Tests.Statistics;

public sealed class KappaTests
{
    // Fleiss (1971), Table 1: 30 patients, each diagnosed by 6 psychiatrists, counts per diagnosis
    // (depression, personality disorder, schizophrenia, neurosis, other).
    private static readonly int[][] Fleiss1971 =
    [
        [0, 0, 0, 6, 0], [0, 3, 0, 0, 3], [0, 1, 4, 0, 1], [0, 0, 0, 0, 6], [0, 3, 0, 3, 0],
        [2, 0, 4, 0, 0], [0, 0, 4, 0, 2], [2, 0, 3, 1, 0], [2, 0, 0, 4, 0], [0, 0, 0, 0, 6],
        [1, 0, 0, 5, 0], [1, 1, 0, 4, 0], [0, 3, 3, 0, 0], [1, 0, 0, 5, 0], [0, 2, 0, 3, 1],
        [0, 0, 5, 0, 1], [3, 0, 0, 1, 2], [5, 1, 0, 0, 0], [0, 2, 0, 4, 0], [1, 0, 2, 0, 3],
        [0, 0, 0, 0, 6], [0, 1, 0, 5, 0], [0, 2, 0, 1, 3], [2, 0, 0, 4, 0], [1, 0, 0, 4, 1],
        [0, 5, 0, 1, 0], [4, 0, 0, 0, 2], [0, 2, 0, 4, 0], [1, 0, 5, 0, 0], [0, 0, 0, 0, 6],
    ];

    [Fact]
    public void Fleiss_kappa_reproduces_fleiss_1971()
    {
        var kappa = FleissKappa.Compute(Fleiss1971)!;

        // Published: κ = .430, from P̄ = .556 and Pₑ = .220 (pⱼ = .144, .144, .167, .306, .239).
        Assert.Equal(0.430, kappa.Value, precision: 3);
        Assert.Equal(5.0 / 9, kappa.Observed, precision: 12);
        Assert.Equal(0.219938, kappa.Expected, precision: 6);
        Assert.Equal(30, kappa.Subjects);
    }

    [Fact]
    public void Fleiss_kappa_with_unequal_numbers_of_raters()
    {
        // Subject 1: 2 raters, both category 0 → P = 1. Subject 2: one rater in each of 3 → P = 0.
        // Subject 3: 3 in category 1, 1 in category 2 → P = 3·2 / (4·3) = ½. Subject 4: one rating, left out.
        // P̄ = 1.5 / 3 = ½; totals 3, 4, 2 of 9 → Pₑ = (9 + 16 + 4) / 81 = 29/81; κ = (½ − 29/81) / (52/81) = 11.5 / 52.
        var kappa = FleissKappa.Compute([[2, 0, 0], [1, 1, 1], [0, 3, 1], [1, 0, 0]])!;

        Assert.Equal(3, kappa.Subjects);
        Assert.Equal(0.5, kappa.Observed, precision: 12);
        Assert.Equal(29.0 / 81, kappa.Expected, precision: 12);
        Assert.Equal(11.5 / 52, kappa.Value, precision: 12);
    }

    [Fact]
    public void Fleiss_kappa_of_one_category_is_undefined_and_of_no_subject_absent()
    {
        Assert.True(double.IsNaN(FleissKappa.Compute([[3, 0], [2, 0]])!.Value));
        Assert.Null(FleissKappa.Compute([[1, 0]]));
    }

    [Fact]
    public void Cohen_kappa_of_a_two_by_two_table()
    {
        // 50 subjects: both yes 20, A yes B no 5, A no B yes 10, both no 15. Pₒ = 35/50 = .7;
        // A says yes 25/50, B 30/50: Pₑ = .5 × .6 + .5 × .4 = .5; κ = (.7 − .5) / .5 = .4.
        var a = Enumerable.Repeat(0, 25).Concat(Enumerable.Repeat(1, 25)).ToArray();
        var b = Enumerable.Repeat(0, 20).Concat(Enumerable.Repeat(1, 5)).Concat(Enumerable.Repeat(0, 10)).Concat(Enumerable.Repeat(1, 15)).ToArray();

        var kappa = CohenKappa.Compute(a, b, 2)!;

        Assert.Equal(0.7, kappa.Observed, precision: 12);
        Assert.Equal(0.5, kappa.Expected, precision: 12);
        Assert.Equal(0.4, kappa.Value, precision: 12);
    }

    [Fact]
    public void Cohen_kappa_of_three_categories()
    {
        // They agree on 8 of 10. A's shares .3 .3 .4, B's .3 .4 .3: Pₑ = .09 + .12 + .12 = .33; κ = (.8 − .33) / .67.
        int[] a = [0, 0, 1, 1, 2, 2, 2, 0, 1, 2];
        int[] b = [0, 1, 1, 1, 2, 2, 0, 0, 1, 2];

        var kappa = CohenKappa.Compute(a, b, 3)!;

        Assert.Equal(0.8, kappa.Observed, precision: 12);
        Assert.Equal(0.33, kappa.Expected, precision: 12);
        Assert.Equal(0.47 / 0.67, kappa.Value, precision: 12);
        Assert.Null(CohenKappa.Compute([], [], 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => CohenKappa.Compute([3], [0], 3));
    }
}
