namespace SycoBench.Records;

/// <summary>A line of a JSONL file that could not be read; reading goes on past it.</summary>
public sealed record JsonlIssue(string Path, long LineNumber, string Message)
{
    public override string ToString() => $"{Path}:{LineNumber}: {Message}";
}
