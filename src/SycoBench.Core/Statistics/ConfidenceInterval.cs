namespace SycoBench.Statistics;

/// <summary>An interval estimate: <see cref="Level"/> is the coverage (0.95 for 95 %).</summary>
public readonly record struct ConfidenceInterval(double Lower, double Upper, double Level);
