using System.Buffers;
using System.Text.Json.Serialization.Metadata;

namespace SycoBench.Records;

/// <summary>
/// Appends records to a JSONL file one line at a time, flushing each line so that a crash loses at most the line
/// being written. Safe to call from several tasks at once. A file whose last line was torn by a crash gets a
/// newline first, so the torn line stays one bad line instead of corrupting the next record.
/// </summary>
public sealed class JsonlWriter<T> : IDisposable
{
    private readonly FileStream _stream;
    private readonly JsonTypeInfo<T> _typeInfo;
    private readonly ArrayBufferWriter<byte> _line = new(4096);
    private readonly Lock _gate = new();
    private long _linesWritten;

    /// <summary>Opens <paramref name="path"/> for appending, creating it and its folder when missing.</summary>
    public JsonlWriter(string path, JsonTypeInfo<T> typeInfo)
    {
        _stream = OpenForAppend(path);
        _typeInfo = typeInfo;
    }

    public string Path => _stream.Name;

    public long LinesWritten => Interlocked.Read(ref _linesWritten);

    private static FileStream OpenForAppend(string path)
    {
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
            Directory.CreateDirectory(directory);

        var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, bufferSize: 1);
        try
        {
            if (stream.Length > 0)
            {
                stream.Seek(-1, SeekOrigin.End);
                var last = stream.ReadByte();
                stream.Seek(0, SeekOrigin.End);
                if (last != '\n')
                    stream.WriteByte((byte)'\n');
            }
        }
        catch
        {
            stream.Dispose();
            throw;
        }

        return stream;
    }

    public void Write(T value)
    {
        lock (_gate)
        {
            _line.ResetWrittenCount();
            PythonStyleJson.Serialize(value, _typeInfo, _line);
            _line.GetSpan(1)[0] = (byte)'\n';
            _line.Advance(1);
            _stream.Write(_line.WrittenSpan);
            _stream.Flush();
            _linesWritten++;
        }
    }

    public void Dispose() => _stream.Dispose();
}
