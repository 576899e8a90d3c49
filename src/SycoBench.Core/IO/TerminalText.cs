using System.Text;

namespace SycoBench.IO;

/// <summary>
/// Text from files (identifiers, names, notes, paths) made safe to show on a terminal: every control character —
/// C0 (ESC, BEL, CR, backspace …), DEL and C1 (CSI, OSC …) — becomes a visible stand-in of one column (the Unicode
/// control pictures, e.g. ESC → ␛, or � for C1), so no data can move the cursor, clear the screen, set the title or
/// forge a line. Bidirectional overrides, which reorder what is shown, become � as well. Line feeds and tabs are kept
/// only when asked for.
/// </summary>
public static class TerminalText
{
    private const char Replacement = '\uFFFD';

    /// <summary>The text with every unsafe character replaced; the same instance when there is nothing to replace.</summary>
    public static string Clean(string? text, bool keepLineBreaks = false)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        var first = IndexOfUnsafe(text, keepLineBreaks);
        if (first < 0)
            return text;

        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            builder.Append(IsUnsafe(c, keepLineBreaks) ? StandIn(c) : c);
        }

        return builder.ToString();
    }

    /// <summary>Whether <paramref name="text"/> holds nothing <see cref="Clean"/> would replace.</summary>
    public static bool IsClean(ReadOnlySpan<char> text, bool keepLineBreaks = false) => IndexOfUnsafe(text, keepLineBreaks) < 0;

    private static int IndexOfUnsafe(ReadOnlySpan<char> text, bool keepLineBreaks)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsUnsafe(text[i], keepLineBreaks))
                return i;
        }

        return -1;
    }

    private static bool IsUnsafe(char c, bool keepLineBreaks) =>
        c switch
        {
            '\n' or '\t' => !keepLineBreaks,
            < '\u0020' or '\u007F' => true,
            >= '\u0080' and <= '\u009F' => true,
            >= '\u202A' and <= '\u202E' => true,
            >= '\u2066' and <= '\u2069' => true,
            _ => false,
        };

    private static char StandIn(char c) =>
        c switch
        {
            < '\u0020' => (char)(0x2400 + c),
            '\u007F' => '\u2421',
            _ => Replacement,
        };
}
