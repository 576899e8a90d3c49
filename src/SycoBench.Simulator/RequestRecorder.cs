using System.Text;
using System.Text.Json;

namespace SycoBench.Simulator;

/// <summary>
/// Appends the body of every request the simulated provider receives to a JSONL file, one compact line per request,
/// flushed as it arrives: what a judge or an assistant was actually sent, for audit and for tests.
/// </summary>
internal sealed class RequestRecorder : IDisposable
{
    private readonly Lock _gate = new();
    private readonly StreamWriter _writer;

    public RequestRecorder(string path)
    {
        try
        {
            _writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read), new UTF8Encoding(false));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{path}: cannot record requests there ({ex.Message})");
        }
    }

    public void Write(JsonElement body)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
            body.WriteTo(json);
        var line = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        lock (_gate)
        {
            _writer.Write(line);
            _writer.Write('\n');
            _writer.Flush();
        }
    }

    public void Dispose()
    {
        lock (_gate)
            _writer.Dispose();
    }
}
