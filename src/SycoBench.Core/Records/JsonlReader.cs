using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace SycoBench.Records;

/// <summary>
/// Streams a JSONL file one line at a time in constant memory (the buffer grows only to the longest line).
/// Blank lines are skipped; a line that is not valid JSON for <typeparamref name="T"/>, or a run or scored record that
/// breaks <see cref="RecordRules"/> (a score outside [-1, 1], a negative sample), is reported through <c>onIssue</c>
/// with its line number and reading goes on. A torn last line (a crash mid-write) is such a line.
/// A line longer than <see cref="JsonlLimits.MaxLineBytes"/> stops the reading with an <see cref="InvalidDataException"/>
/// naming the file and the line.
/// </summary>
public static class JsonlReader
{
    private const int InitialBufferSize = 1 << 16;

    public static IEnumerable<JsonlEntry<T>> Read<T>(
        string path,
        JsonTypeInfo<T> typeInfo,
        Action<JsonlIssue>? onIssue = null,
        CancellationToken cancellationToken = default)
    {
        using var stream = new FileStream(
            path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1, FileOptions.SequentialScan);
        foreach (var entry in Read(stream, path, typeInfo, onIssue, cancellationToken))
            yield return entry;
    }

    public static IEnumerable<JsonlEntry<T>> Read<T>(
        Stream stream,
        string displayPath,
        JsonTypeInfo<T> typeInfo,
        Action<JsonlIssue>? onIssue = null,
        CancellationToken cancellationToken = default) =>
        Read(stream, displayPath, typeInfo, onIssue, JsonlLimits.MaxLineBytes, cancellationToken);

    /// <summary>As above with another line limit (tests use a small one).</summary>
    internal static IEnumerable<JsonlEntry<T>> Read<T>(
        Stream stream,
        string displayPath,
        JsonTypeInfo<T> typeInfo,
        Action<JsonlIssue>? onIssue,
        int maxLineBytes,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineBytes, 1);
        var buffer = new byte[Math.Min(InitialBufferSize, maxLineBytes + 1)];
        int start = 0, end = 0;
        long lineNumber = 0;
        var endOfStream = false;
        var first = true;

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var newline = Array.IndexOf(buffer, (byte)'\n', start, end - start);
            if ((newline >= 0 ? newline : end) - start > maxLineBytes)
                throw new InvalidDataException(JsonlLimits.TooLong(displayPath, lineNumber + 1, maxLineBytes));
            if (newline < 0 && !endOfStream)
            {
                // Move the partial line to the front, grow if a single line fills the buffer, then read more.
                if (start > 0)
                {
                    Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                    end -= start;
                    start = 0;
                }

                if (end == buffer.Length)
                    Array.Resize(ref buffer, buffer.Length * 2);

                var read = stream.Read(buffer, end, buffer.Length - end);
                if (read == 0)
                    endOfStream = true;
                end += read;
                continue;
            }

            int lineEnd = newline >= 0 ? newline : end;
            if (newline < 0 && start == end)
                yield break;

            lineNumber++;
            var lineStart = start;
            if (first)
            {
                first = false;
                if (lineEnd - lineStart >= 3 && buffer[lineStart] == 0xEF && buffer[lineStart + 1] == 0xBB && buffer[lineStart + 2] == 0xBF)
                    lineStart += 3;
            }

            start = newline >= 0 ? newline + 1 : end;
            var outcome = Parse(buffer, lineStart, lineEnd - lineStart, typeInfo, out var value, out var error);
            if (outcome == LineOutcome.Value)
                yield return new JsonlEntry<T>(lineNumber, value!);
            else if (outcome == LineOutcome.Invalid)
                onIssue?.Invoke(new JsonlIssue(displayPath, lineNumber, error!));

            if (newline < 0)
                yield break;
        }
    }

    private enum LineOutcome
    {
        Blank,
        Value,
        Invalid,
    }

    private static LineOutcome Parse<T>(byte[] buffer, int offset, int count, JsonTypeInfo<T> typeInfo, out T? value, out string? error)
    {
        value = default;
        error = null;
        var line = buffer.AsSpan(offset, count);
        var trimmed = line.Trim(" \t\r"u8);
        if (trimmed.IsEmpty)
            return LineOutcome.Blank;

        try
        {
            value = JsonSerializer.Deserialize(trimmed, typeInfo);
            if (value is null)
            {
                error = "malformed line: null is not a record";
                return LineOutcome.Invalid;
            }

            if (value is AnswerRecord record && RecordRules.Problem(record) is { } problem)
            {
                error = "malformed line: " + problem;
                value = default;
                return LineOutcome.Invalid;
            }

            return LineOutcome.Value;
        }
        catch (JsonException ex)
        {
            error = "malformed line: " + Describe(ex);
            return LineOutcome.Invalid;
        }
        catch (InvalidOperationException ex)
        {
            error = "malformed line: " + ex.Message;
            return LineOutcome.Invalid;
        }
    }

    /// <summary>
    /// What a <see cref="JsonException"/> says without the position text the runtime appends (its "Path: …" and
    /// "LineNumber: …" tail), then the JSON path and column in words; the same for a deserializer's and a reader's error.
    /// </summary>
    internal static string Describe(JsonException ex)
    {
        var message = ex.Message;
        foreach (var tail in (ReadOnlySpan<string>)[" Path:", " LineNumber:"])
        {
            var cut = message.IndexOf(tail, StringComparison.Ordinal);
            if (cut > 0)
                message = message[..cut];
        }
        var where = ex.BytePositionInLine is { } column ? $" (column {column + 1})" : "";
        var path = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "" : $" at {ex.Path}";
        return message.TrimEnd('.', ' ') + path + where;
    }
}
