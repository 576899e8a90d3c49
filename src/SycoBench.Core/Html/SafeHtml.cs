namespace SycoBench.Html;

/// <summary>
/// Markup that may be written into a page as it is. Code outside Core cannot make one from a string: the constructor
/// is internal, and the public ways in are the literal parts of an <see cref="HtmlBuilder"/> interpolated string (the
/// compiler passes only the source text's literals to <see cref="HtmlBuilder.AppendLiteral"/>), other
/// <see cref="SafeHtml"/> values, and the named helpers here and in <see cref="HtmlWriter"/>, each of which makes its
/// content safe for where it goes. There is no <c>Raw(string)</c>: runtime text reaches a page encoded or not at all.
/// </summary>
public readonly record struct SafeHtml
{
    private readonly string? _value;

    internal SafeHtml(string value) => _value = value;

    /// <summary>The markup (empty for <c>default</c>).</summary>
    public string Value => _value ?? "";

    public static SafeHtml Empty => default;

    public static SafeHtml Join(IEnumerable<SafeHtml> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        return new(string.Concat(parts.Select(p => p.Value)));
    }

    /// <summary>A <c>&lt;style&gt;</c> element; see <see cref="InlineCode.Css"/> for why any text is safe in it.</summary>
    public static SafeHtml StyleElement(string css) => new("<style>" + InlineCode.Css(css) + "</style>");

    /// <summary>A <c>&lt;script&gt;</c> element; see <see cref="InlineCode.Script"/> for why any text is safe in it.</summary>
    public static SafeHtml ScriptElement(string script) => new("<script>" + InlineCode.Script(script) + "</script>");

    /// <summary>
    /// Markup that an HTML sanitiser has cleaned (the labeling app's rendered Markdown). Internal, and its callers are
    /// fixed by a test that scans the sources.
    /// </summary>
    internal static SafeHtml FromSanitizer(string sanitizedMarkup) => new(sanitizedMarkup);

    public override string ToString() => Value;
}
