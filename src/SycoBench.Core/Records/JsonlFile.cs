using System.Buffers;
using System.Text.Json.Serialization.Metadata;
using SycoBench.IO;

namespace SycoBench.Records;

/// <summary>Whole-file JSONL writes that replace the target atomically, so a failure never leaves half a file.</summary>
public static class JsonlFile
{
    public static int WriteAll<T>(string path, IEnumerable<T> values, JsonTypeInfo<T> typeInfo)
    {
        var count = 0;
        AtomicFile.Write(path, stream =>
        {
            var line = new ArrayBufferWriter<byte>(4096);
            foreach (var value in values)
            {
                line.ResetWrittenCount();
                PythonStyleJson.Serialize(value, typeInfo, line);
                stream.Write(line.WrittenSpan);
                stream.WriteByte((byte)'\n');
                count++;
            }
        });
        return count;
    }
}
