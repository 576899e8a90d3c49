using MathNet.Numerics;

namespace SycoBench.Statistics;

/// <summary>
/// Fisher's exact test of independence in a 2×2 table [[a, b], [c, d]]: with the margins fixed, a follows the
/// hypergeometric distribution; the two-sided p sums the probabilities of every table no more probable than the observed
/// one (with a relative allowance of 10⁻⁷ for rounding, as R's fisher.test does).
/// </summary>
public static class FisherExactTest
{
    public static double TwoSided(long a, long b, long c, long d)
    {
        if (a < 0 || b < 0 || c < 0 || d < 0)
            throw new ArgumentOutOfRangeException(nameof(a), "counts must not be negative");
        var row1 = a + b;
        var col1 = a + c;
        var n = a + b + c + d;
        if (n == 0)
            return 1.0;
        var low = Math.Max(0, col1 - (n - row1));
        var high = Math.Min(row1, col1);
        var observed = LogProbability(a, row1, col1, n);
        double p = 0;
        for (var x = low; x <= high; x++)
        {
            var log = LogProbability(x, row1, col1, n);
            if (log <= observed + 1e-7)
                p += Math.Exp(log);
        }

        return Math.Min(1.0, p);
    }

    private static double LogProbability(long x, long row1, long col1, long n) =>
        SpecialFunctions.FactorialLn((int)row1) + SpecialFunctions.FactorialLn((int)(n - row1))
        + SpecialFunctions.FactorialLn((int)col1) + SpecialFunctions.FactorialLn((int)(n - col1))
        - SpecialFunctions.FactorialLn((int)n) - SpecialFunctions.FactorialLn((int)x) - SpecialFunctions.FactorialLn((int)(row1 - x))
        - SpecialFunctions.FactorialLn((int)(col1 - x)) - SpecialFunctions.FactorialLn((int)(n - row1 - col1 + x));
}
