namespace SycoBench.Html;

/// <summary>
/// Text for the inside of <c>&lt;style&gt;</c> and <c>&lt;script&gt;</c> elements, where entities are not decoded and
/// HTML-encoding would change the code. What is escaped instead is what could end the element early: the content is
/// safe for any input, and unchanged for SycoBench's own style and script, which contain none of it.
/// </summary>
public static class InlineCode
{
    /// <summary>
    /// CSS with every <c>&lt;</c> written as the CSS escape <c>\3C </c> (the same character to CSS, inside strings and
    /// out), so no <c>&lt;/style</c> can appear.
    /// </summary>
    public static string Css(string css)
    {
        ArgumentNullException.ThrowIfNull(css);
        return css.Replace("<", "\\3C ", StringComparison.Ordinal);
    }

    /// <summary>
    /// Script (or JSON) with <c>&lt;/</c> written <c>&lt;\/</c> and <c>&lt;!--</c> written <c>&lt;\!--</c>: the same
    /// text inside JavaScript strings, template literals and regular expressions, and no way to close the element or to
    /// enter the HTML parser's escaped-script state.
    /// </summary>
    public static string Script(string script)
    {
        ArgumentNullException.ThrowIfNull(script);
        return script.Replace("<!--", "<\\!--", StringComparison.Ordinal).Replace("</", "<\\/", StringComparison.Ordinal);
    }
}
