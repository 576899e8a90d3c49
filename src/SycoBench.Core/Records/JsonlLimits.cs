using System.Globalization;

namespace SycoBench.Records;

/// <summary>
/// How long one line of a JSONL file may be. The longest record SycoBench writes is a model's answer with its prompt,
/// a few kilobytes; 16 MiB is thousands of times that, yet stops a file that is not JSONL (a binary, a device, one
/// giant line) from growing the reader's buffer until memory runs out. Every JSONL reader enforces it.
/// </summary>
public static class JsonlLimits
{
    public const int MaxLineBytes = 16 << 20;

    /// <summary>The message for a line over the limit, naming the file and the line.</summary>
    public static string TooLong(string path, long lineNumber, int limit) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{path}:{lineNumber}: line longer than {Describe(limit)}, the limit for one record (is this a JSONL file?)");

    private static string Describe(int bytes) =>
        bytes % (1 << 20) == 0 ? string.Create(CultureInfo.InvariantCulture, $"{bytes >> 20} MiB") : string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes");
}
