using System.Text;

namespace SycoBench.IO;

/// <summary>
/// Writes a whole file under a temporary name in the same folder and renames it over the target only when complete,
/// so a failure or a crash never leaves half a file and never destroys the previous one. Every whole-file output of
/// SycoBench is written through here.
/// </summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var (fullPath, temp) = Prepare(path);
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
                write(stream);
            File.Move(temp, fullPath, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    public static async Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        var (fullPath, temp) = Prepare(path);
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
                await write(stream, cancellationToken).ConfigureAwait(false);
            File.Move(temp, fullPath, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>The text as UTF-8 without a byte-order mark.</summary>
    public static void WriteText(string path, string text) => Write(path, stream => stream.Write(Utf8NoBom.GetBytes(text)));

    /// <summary>A <see cref="StreamWriter"/> over <paramref name="stream"/> in UTF-8 without a byte-order mark.</summary>
    public static StreamWriter TextWriter(Stream stream) => new(stream, Utf8NoBom, bufferSize: 1 << 16, leaveOpen: true);

    private static (string FullPath, string Temp) Prepare(string path)
    {
        var fullPath = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(fullPath)!;
        Directory.CreateDirectory(directory);
        return (fullPath, Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp"));
    }
}
