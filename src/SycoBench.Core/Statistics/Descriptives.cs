using MathNet.Numerics.Statistics;

namespace SycoBench.Statistics;

/// <summary>
/// Count, mean, sample standard deviation (n − 1), median (the type-7 quantile at ½), minimum and maximum of a set
/// of values. Every figure is NaN for an empty set; the standard deviation is NaN for a single value.
/// </summary>
public sealed record Descriptives(int Count, double Mean, double StandardDeviation, double Median, double Minimum, double Maximum)
{
    public static Descriptives Of(IReadOnlyCollection<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
            return new Descriptives(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        var copy = values.ToArray();
        var (mean, sd) = copy.MeanStandardDeviation();
        return new Descriptives(copy.Length, mean, copy.Length < 2 ? double.NaN : sd, Quantile.Type7(copy, 0.5), copy.Min(), copy.Max());
    }
}
