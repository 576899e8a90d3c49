using System.Buffers;
using System.Runtime.CompilerServices;

namespace SycoBench.Reporting.Reading;

/// <summary>
/// Finds where a JSON value ends while checking that it is valid JSON (RFC 8259: string escapes, no raw control
/// characters, number grammar, literals, commas and colons, nesting up to 256 levels), without producing tokens.
/// Strings — nearly all the bytes of a scored record — are crossed with a vectorised search for the next quote,
/// backslash or control character, which is several times faster than a token reader that goes byte by byte once a
/// string holds an escape. Returns -1 for invalid JSON; callers that need the reason ask a
/// <see cref="System.Text.Json.Utf8JsonReader"/>.
/// </summary>
internal static class JsonSkipper
{
    public const int MaxDepth = 256;

    private static readonly SearchValues<byte> StringSpecials = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F"u8 +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\"\\"u8);

    /// <summary>The index just past the value that starts at <paramref name="i"/> (no leading whitespace), or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Value(ReadOnlySpan<byte> s, int i, int depth = 0)
    {
        if ((uint)i >= (uint)s.Length)
            return -1;
        return s[i] switch
        {
            (byte)'"' => String(s, i),
            (byte)'{' => depth >= MaxDepth ? -1 : Container(s, i, depth + 1, (byte)'}'),
            (byte)'[' => depth >= MaxDepth ? -1 : Container(s, i, depth + 1, (byte)']'),
            (byte)'t' => Literal(s, i, "true"u8),
            (byte)'f' => Literal(s, i, "false"u8),
            (byte)'n' => Literal(s, i, "null"u8),
            _ => Number(s, i),
        };
    }

    /// <summary>The index just past the string whose opening quote is at <paramref name="i"/>, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int String(ReadOnlySpan<byte> s, int i)
    {
        i++;

        // Most strings of a record's structure are short keys: look at a few bytes before starting a vector search.
        var shortEnd = Math.Min(s.Length, i + 16);
        while (i < shortEnd && s[i] != '"' && s[i] != '\\' && s[i] >= 0x20)
            i++;
        if (i < shortEnd && s[i] == '"')
            return i + 1;

        while (true)
        {
            var found = s[i..].IndexOfAny(StringSpecials);
            if (found < 0)
                return -1;
            i += found;
            var b = s[i];
            if (b == '"')
                return i + 1;
            if (b != '\\' || i + 1 >= s.Length)
                return -1;
            switch (s[i + 1])
            {
                case (byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t':
                    i += 2;
                    break;
                case (byte)'u':
                    if (i + 6 > s.Length || !IsHex(s[i + 2]) || !IsHex(s[i + 3]) || !IsHex(s[i + 4]) || !IsHex(s[i + 5]))
                        return -1;
                    i += 6;
                    break;
                default:
                    return -1;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Whitespace(ReadOnlySpan<byte> s, int i)
    {
        while (i < s.Length && s[i] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
            i++;
        return i;
    }

    /// <summary>
    /// An object or an array from its opening bracket: members (a key, ':' and a value) or elements, separated by ',' up
    /// to <paramref name="close"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Container(ReadOnlySpan<byte> s, int i, int depth, byte close)
    {
        i = Whitespace(s, i + 1);
        if (i < s.Length && s[i] == close)
            return i + 1;
        while (true)
        {
            if (close == '}')
                i = Key(s, i); // -1 stays -1: Value refuses it
            i = Value(s, i, depth);
            if (i < 0)
                return -1;
            i = Whitespace(s, i);
            if (i >= s.Length)
                return -1;
            if (s[i] == close)
                return i + 1;
            if (s[i] != ',')
                return -1;
            i = Whitespace(s, i + 1);
        }
    }

    /// <summary>A member's key and its ':' from the key's opening quote: where the value starts, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Key(ReadOnlySpan<byte> s, int i)
    {
        if (i >= s.Length || s[i] != '"')
            return -1;
        i = String(s, i);
        if (i < 0)
            return -1;
        i = Whitespace(s, i);
        if (i >= s.Length || s[i] != ':')
            return -1;
        return Whitespace(s, i + 1);
    }

    private static int Literal(ReadOnlySpan<byte> s, int i, ReadOnlySpan<byte> literal) =>
        s[i..].StartsWith(literal) ? i + literal.Length : -1;

    /// <summary>-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Number(ReadOnlySpan<byte> s, int i)
    {
        if (i < s.Length && s[i] == '-')
            i++;
        if (i >= s.Length || !IsDigit(s[i]))
            return -1;
        if (s[i] == '0')
            i++;
        else
            i = Digits(s, i);
        if (i < s.Length && s[i] == '.')
        {
            if (i + 1 >= s.Length || !IsDigit(s[i + 1]))
                return -1;
            i = Digits(s, i + 1);
        }

        if (i < s.Length && s[i] is (byte)'e' or (byte)'E')
        {
            i++;
            if (i < s.Length && s[i] is (byte)'+' or (byte)'-')
                i++;
            if (i >= s.Length || !IsDigit(s[i]))
                return -1;
            i = Digits(s, i);
        }

        return i;
    }

    private static int Digits(ReadOnlySpan<byte> s, int i)
    {
        while (i < s.Length && IsDigit(s[i]))
            i++;
        return i;
    }

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    private static bool IsHex(byte b) => IsDigit(b) || (uint)((b | 0x20) - 'a') <= 5;
}
