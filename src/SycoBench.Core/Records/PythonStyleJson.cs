using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace SycoBench.Records;

/// <summary>
/// Writes JSON the way Python's <c>json.dumps(obj, ensure_ascii=False)</c> does: <c>", "</c> and <c>": "</c> separators,
/// non-ASCII left as is, only quotes, backslashes and control characters escaped. The original tool wrote its files
/// this way, and the grid must match them byte for byte. Numbers are copied as their JSON text.
/// </summary>
public static class PythonStyleJson
{
    private static readonly byte[] Hex = "0123456789abcdef"u8.ToArray();

    public static byte[] SerializeToUtf8Bytes<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        var output = new ArrayBufferWriter<byte>(1024);
        Serialize(value, typeInfo, output);
        return output.WrittenSpan.ToArray();
    }

    public static void Serialize<T>(T value, JsonTypeInfo<T> typeInfo, IBufferWriter<byte> output)
    {
        var compact = JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);
        Reformat(compact, output);
    }

    public static string Serialize<T>(T value, JsonTypeInfo<T> typeInfo) =>
        Encoding.UTF8.GetString(SerializeToUtf8Bytes(value, typeInfo));

    /// <summary>Rewrites any valid JSON document in the Python style.</summary>
    public static void Reformat(ReadOnlySpan<byte> json, IBufferWriter<byte> output)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 256 });
        var needComma = false;
        byte[]? scratch = null;
        try
        {
            while (reader.Read())
            {
                var token = reader.TokenType;
                if (needComma && token is not (JsonTokenType.EndObject or JsonTokenType.EndArray))
                    Write(output, ", "u8);
                switch (token)
                {
                    case JsonTokenType.PropertyName:
                        WriteString(ref reader, output, ref scratch);
                        Write(output, ": "u8);
                        break;
                    case JsonTokenType.String:
                        WriteString(ref reader, output, ref scratch);
                        break;
                    case JsonTokenType.Number:
                        Write(output, reader.ValueSpan);
                        break;
                    default:
                        Write(output, Literal(token));
                        break;
                }

                // After a value or a closing bracket the next item needs a comma; after an opening bracket or a key it does not.
                needComma = token is not (JsonTokenType.StartObject or JsonTokenType.StartArray or JsonTokenType.PropertyName);
            }
        }
        finally
        {
            if (scratch is not null)
                ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    /// <summary>The text of a token that carries no value of its own (brackets, true, false, null).</summary>
    private static ReadOnlySpan<byte> Literal(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "{"u8,
        JsonTokenType.EndObject => "}"u8,
        JsonTokenType.StartArray => "["u8,
        JsonTokenType.EndArray => "]"u8,
        JsonTokenType.True => "true"u8,
        JsonTokenType.False => "false"u8,
        JsonTokenType.Null => "null"u8,
        _ => [],
    };

    private static void WriteString(ref Utf8JsonReader reader, IBufferWriter<byte> output, ref byte[]? scratch)
    {
        ReadOnlySpan<byte> text;
        if (reader.ValueIsEscaped)
        {
            var needed = reader.ValueSpan.Length;
            if (scratch is null || scratch.Length < needed)
            {
                if (scratch is not null)
                    ArrayPool<byte>.Shared.Return(scratch);
                scratch = ArrayPool<byte>.Shared.Rent(Math.Max(needed, 256));
            }

            var length = reader.CopyString(scratch);
            text = scratch.AsSpan(0, length);
        }
        else
        {
            text = reader.ValueSpan;
        }

        WriteEscaped(text, output);
    }

    private static void WriteEscaped(ReadOnlySpan<byte> text, IBufferWriter<byte> output)
    {
        // Worst case: every byte becomes \u00XX.
        var span = output.GetSpan(text.Length * 6 + 2);
        var at = 0;
        span[at++] = (byte)'"';
        foreach (var b in text)
        {
            switch (b)
            {
                case (byte)'"': span[at++] = (byte)'\\'; span[at++] = (byte)'"'; break;
                case (byte)'\\': span[at++] = (byte)'\\'; span[at++] = (byte)'\\'; break;
                case (byte)'\n': span[at++] = (byte)'\\'; span[at++] = (byte)'n'; break;
                case (byte)'\r': span[at++] = (byte)'\\'; span[at++] = (byte)'r'; break;
                case (byte)'\t': span[at++] = (byte)'\\'; span[at++] = (byte)'t'; break;
                case 0x08: span[at++] = (byte)'\\'; span[at++] = (byte)'b'; break;
                case 0x0c: span[at++] = (byte)'\\'; span[at++] = (byte)'f'; break;
                default:
                    if (b < 0x20)
                    {
                        span[at++] = (byte)'\\';
                        span[at++] = (byte)'u';
                        span[at++] = (byte)'0';
                        span[at++] = (byte)'0';
                        span[at++] = Hex[b >> 4];
                        span[at++] = Hex[b & 0xf];
                    }
                    else
                    {
                        span[at++] = b;
                    }

                    break;
            }
        }

        span[at++] = (byte)'"';
        output.Advance(at);
    }

    private static void Write(IBufferWriter<byte> output, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(output.GetSpan(bytes.Length));
        output.Advance(bytes.Length);
    }
}
