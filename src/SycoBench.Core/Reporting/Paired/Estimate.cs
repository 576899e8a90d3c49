namespace SycoBench.Reporting.Paired;

/// <summary>
/// A statistic over scenarios with its 95% interval. <see cref="Value"/> is null when the statistic cannot be computed
/// (no scenario has the answers it needs); the interval is null with fewer than two scenarios. <see cref="Scenarios"/>
/// is K, the number of matched triplets it averages over. <see cref="Target"/> says what the interval is for and
/// <see cref="Method"/> how it was made.
/// </summary>
public sealed record Estimate(double? Value, double? Low, double? High, int Scenarios)
{
    public static readonly Estimate None = new(null, null, null, 0);

    /// <summary>What the interval is for: this grid of prompts, or the population of scenarios it samples. Null without an interval.</summary>
    public InferenceTarget? Target { get; init; }

    public IntervalMethod Method { get; init; }

    /// <summary>Degrees of freedom of a t interval.</summary>
    public double? DegreesOfFreedom { get; init; }

    /// <summary>How many units the interval resampled or averaged over (triplets, neutral prompts, cells).</summary>
    public int? Units { get; init; }

    public static Estimate From(double value, double low, double high, int scenarios) =>
        new(Finite(value), scenarios >= 2 ? Finite(low) : null, scenarios >= 2 ? Finite(high) : null, scenarios);

    public static double? Finite(double value) => double.IsFinite(value) ? value : null;

    /// <summary>This estimate with an interval from <paramref name="method"/> for <paramref name="target"/> (none when low or high is not finite).</summary>
    public Estimate WithInterval(double low, double high, InferenceTarget target, IntervalMethod method, double? df, int units) =>
        double.IsFinite(low) && double.IsFinite(high)
            ? this with { Low = low, High = high, Target = target, Method = method, DegreesOfFreedom = df is { } d && double.IsFinite(d) ? d : null, Units = units }
            : this with { Low = null, High = null, Target = null, Method = IntervalMethod.None, DegreesOfFreedom = null, Units = null };
}

/// <summary>What an interval is meant to cover (<c>report --target</c>).</summary>
public enum InferenceTarget
{
    /// <summary>The value for these very prompts, were they asked again: only the within-prompt replicate variation.</summary>
    Grid,

    /// <summary>The value for scenarios (cells and paraphrases) like these: the variation between them as well.</summary>
    Population,
}

/// <summary>How an interval was made.</summary>
public enum IntervalMethod
{
    None,

    /// <summary>Percentile bootstrap over triplets (d_z and the rates).</summary>
    PercentileBootstrap,

    /// <summary>t with G − 1 df from the clustered standard error over G units (triplets or neutral prompts).</summary>
    ClusterT,

    /// <summary>t with Satterthwaite df from the crossed cells × paraphrases variance components.</summary>
    CrossedT,

    /// <summary>Normal interval from the within-prompt replicate standard error.</summary>
    WithinPrompt,
}
