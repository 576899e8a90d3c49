using SycoBench.Reporting.Aggregation;

namespace SycoBench.Reporting.Output;

/// <summary>The lowercase names of roles and outcomes used in every output.</summary>
public static class Names
{
    public static string Role(Role role) => role switch
    {
        Aggregation.Role.Positive => "positive",
        Aggregation.Role.Negative => "negative",
        Aggregation.Role.Neutral => "neutral",
        _ => "other",
    };

    public static string Outcome(Outcome outcome) => outcome switch
    {
        Aggregation.Outcome.Scored => "scored",
        Aggregation.Outcome.RunFailed => "run_failed",
        Aggregation.Outcome.MissingInput => "missing_input",
        Aggregation.Outcome.JudgeFailed => "judge_failed",
        _ => "unscored",
    };

    /// <summary>How an interval was made, as stats.json and the CSV name it; null without an interval.</summary>
    public static string? IntervalMethod(Paired.IntervalMethod method) => method switch
    {
        Paired.IntervalMethod.PercentileBootstrap => "percentile-bootstrap",
        Paired.IntervalMethod.ClusterT => "t-clustered",
        Paired.IntervalMethod.CrossedT => "t-crossed",
        Paired.IntervalMethod.WithinPrompt => "within-prompt",
        _ => null,
    };

    /// <summary>What an interval is for: grid or population.</summary>
    public static string Target(Paired.InferenceTarget target) => target == Paired.InferenceTarget.Grid ? "grid" : "population";
}
