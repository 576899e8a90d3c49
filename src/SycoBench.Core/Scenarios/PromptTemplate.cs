using System.Text;

namespace SycoBench.Scenarios;

/// <summary>
/// A message template with <c>{name}</c> placeholders (<c>{{</c> and <c>}}</c> for literal braces), parsed once when
/// the scenario is loaded so that an unknown placeholder is found before any prompt is built.
/// </summary>
public sealed class PromptTemplate
{
    private readonly (string Text, bool IsPlaceholder)[] _parts;

    private PromptTemplate(string source, (string, bool)[] parts)
    {
        Source = source;
        _parts = parts;
    }

    public string Source { get; }

    public IEnumerable<string> Placeholders => _parts.Where(p => p.IsPlaceholder).Select(p => p.Text).Distinct(StringComparer.Ordinal);

    /// <summary>Parses a template; <paramref name="problem"/> says what is wrong when it returns null.</summary>
    public static PromptTemplate? TryParse(string source, out string? problem)
    {
        var parts = new List<(string, bool)>();
        var literal = new StringBuilder();
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (c == '{' && i + 1 < source.Length && source[i + 1] == '{' || c == '}' && i + 1 < source.Length && source[i + 1] == '}')
            {
                literal.Append(c);
                i++;
                continue;
            }

            if (c == '}')
            {
                problem = $"unmatched '}}' at position {i + 1}";
                return null;
            }

            if (c != '{')
            {
                literal.Append(c);
                continue;
            }

            var close = source.IndexOf('}', i + 1);
            if (close < 0)
            {
                problem = $"unclosed '{{' at position {i + 1}";
                return null;
            }

            var name = source[(i + 1)..close];
            if (!IsName(name))
            {
                problem = $"'{{{name}}}' at position {i + 1} is not a placeholder name (letters, digits and '_')";
                return null;
            }

            if (literal.Length > 0)
            {
                parts.Add((literal.ToString(), false));
                literal.Clear();
            }

            parts.Add((name, true));
            i = close;
        }

        if (literal.Length > 0)
            parts.Add((literal.ToString(), false));
        problem = null;
        return new PromptTemplate(source, parts.ToArray());
    }

    public string Render(IReadOnlyDictionary<string, string> values)
    {
        var text = new StringBuilder(Source.Length + 64);
        foreach (var (part, isPlaceholder) in _parts)
            text.Append(isPlaceholder ? values[part] : part);
        return text.ToString();
    }

    private static bool IsName(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_');
}
