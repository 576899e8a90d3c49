using System.Buffers;
using System.Text.Json.Serialization.Metadata;

namespace SycoBench.Records;

/// <summary>Whole-file JSONL writes that replace the target atomically, so a failure never leaves half a file.</summary>
public static class JsonlFile
{
    public static int WriteAll<T>(string path, IEnumerable<T> values, JsonTypeInfo<T> typeInfo)
    {
        var fullPath = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(fullPath)!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Environment.ProcessId}.tmp");
        var count = 0;
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
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
            }

            File.Move(temp, fullPath, overwrite: true);
            return count;
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }
}
