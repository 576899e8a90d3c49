namespace SycoBench.Records;

/// <summary>A value read from a JSONL file with the 1-based line it came from.</summary>
public readonly record struct JsonlEntry<T>(long LineNumber, T Value);
