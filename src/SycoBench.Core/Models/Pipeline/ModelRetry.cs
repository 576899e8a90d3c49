namespace SycoBench.Models.Pipeline;

/// <summary>A failed attempt that will be tried again: which model and request, why, and after how long.</summary>
public sealed record ModelRetry(string ModelId, string RequestLabel, int Attempt, string Reason, TimeSpan Delay);
