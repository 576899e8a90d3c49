using SycoBench.Reporting.Aggregation;

namespace SycoBench.Reporting.Paired;

/// <summary>
/// The within-prompt replicate variance of each prompt mean, v_X,k = s²_X,k / m_X,k (X = L, T, N): what the grid
/// target's intervals are made of. A statistic that is a mean over K triplets of a sum of prompt means with weights
/// ±1 or ±2 has, with the prompts held fixed, Var = (1/K²) Σ_k Σ_X w_X² v_X,k. A prompt with one scored sample has no
/// variance of its own: it gets the pooled variance of its side (the mean s² over the model's prompts of that side with
/// ≥ 2 samples) divided by its m; without any such prompt the variance, and the grid interval, is unknown.
/// </summary>
internal sealed class PromptSpread(int triplets)
{
    private readonly double[] _variance = New(3 * triplets);
    private readonly int[] _count = new int[3 * triplets];
    private readonly double[] _even = new double[triplets];
    private readonly double[] _odd = new double[triplets];

    public void Add(int k, in TripletCell positive, in TripletCell negative, in TripletCell neutral)
    {
        Set(k, 0, positive);
        Set(k, 1, negative);
        Set(k, 2, neutral);
        _even[k] = neutral.EvenCount;
        _odd[k] = neutral.OddCount;
    }

    /// <summary>Gives prompts with one sample their side's pooled variance.</summary>
    public void Impute()
    {
        for (var side = 0; side < 3; side++)
        {
            double sum = 0;
            var n = 0;
            for (var k = side; k < _variance.Length; k += 3)
            {
                if (_count[k] >= 2)
                {
                    sum += _variance[k];
                    n++;
                }
            }

            var pooled = n > 0 ? sum / n : double.NaN;
            for (var k = side; k < _variance.Length; k += 3)
            {
                if (_count[k] == 1)
                    _variance[k] = pooled;
            }
        }
    }

    /// <summary>(1/K²) Σ_k term(k) over <paramref name="triplets"/>; NaN when a term is unknown.</summary>
    public double Variance(IReadOnlyList<int> triplets, Func<PromptSpread, int, double> term)
    {
        if (triplets.Count == 0)
            return double.NaN;
        double sum = 0;
        foreach (var k in triplets)
            sum += term(this, k);
        return sum / ((double)triplets.Count * triplets.Count);
    }

    /// <summary>Var(Δ_k) = (v_L + v_T)/4.</summary>
    public static double Si(PromptSpread s, int k) => (s.V(k, 0) + s.V(k, 1)) / 4;

    public static double Baseline(PromptSpread s, int k) => s.V(k, 2);

    public static double PullPositive(PromptSpread s, int k) => s.V(k, 0) + s.V(k, 2);

    public static double PullNegative(PromptSpread s, int k) => s.V(k, 2) + s.V(k, 1);

    public static double Asymmetry(PromptSpread s, int k) => s.V(k, 0) + s.V(k, 1) + 4 * s.V(k, 2);

    /// <summary>The noise floor's term: Var((mean of even − mean of odd neutral samples)/2) = s²_N (1/m_even + 1/m_odd)/4.</summary>
    public static double Halves(PromptSpread s, int k) =>
        s._variance[3 * k + 2] * (1 / s._even[k] + 1 / s._odd[k]) / 4;

    private double V(int k, int side) => _variance[3 * k + side] / _count[3 * k + side];

    private void Set(int k, int side, in TripletCell cell)
    {
        _count[3 * k + side] = cell.Count;
        _variance[3 * k + side] = cell.Count >= 2 ? cell.Variance : double.NaN;
    }

    private static double[] New(int length)
    {
        var values = new double[length];
        Array.Fill(values, double.NaN);
        return values;
    }
}
