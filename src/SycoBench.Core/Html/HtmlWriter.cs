using System.Text;

namespace SycoBench.Html;

/// <summary>
/// Builds a page piece by piece. Markup comes in only as <see cref="SafeHtml"/> or as the literal parts of an
/// interpolated string (<see cref="Add(HtmlBuilder)"/>); text comes in through <see cref="Text"/> and the element
/// helpers, which encode it. Tag names are checked to be plain names.
/// </summary>
public sealed class HtmlWriter
{
    private readonly StringBuilder _html = new(1 << 16);

    /// <summary>Markup: the literal parts as written, every interpolated value encoded.</summary>
    public HtmlWriter Add(HtmlBuilder markup)
    {
        _html.Append(markup.Build().Value);
        return this;
    }

    public HtmlWriter Add(SafeHtml markup)
    {
        _html.Append(markup.Value);
        return this;
    }

    /// <summary>
    /// Everything up to the body of a page that runs no script and fetches nothing (report.html, agreement.html):
    /// its Content-Security-Policy allows only images inlined as data: addresses and the inline style given here.
    /// </summary>
    public HtmlWriter StaticPageHead(string title, string style) =>
        Add($"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Add($"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Add($"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\">")
            .Element("title", title)
            .Add(SafeHtml.StyleElement(style)).Add($"</head><body>\n");

    public HtmlWriter Text(string? value)
    {
        _html.Append(HtmlEncoding.Encode(value));
        return this;
    }

    public HtmlWriter Element(string tag, string? text, string? cssClass = null)
    {
        CheckTag(tag);
        _html.Append('<').Append(tag);
        if (cssClass is not null)
            _html.Append(" class=\"").Append(HtmlEncoding.Encode(cssClass)).Append('"');
        _html.Append('>').Append(HtmlEncoding.Encode(text)).Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>A link; the address and the text are both encoded.</summary>
    public HtmlWriter Link(string href, string text) => Add($"<a href=\"{href}\">{text}</a>");

    public HtmlWriter Row(IEnumerable<string?> cells, string tag = "td")
    {
        ArgumentNullException.ThrowIfNull(cells);
        _html.Append("<tr>");
        foreach (var cell in cells)
            Element(tag, cell);
        _html.Append("</tr>\n");
        return this;
    }

    public HtmlWriter Table(IReadOnlyList<string> header, IEnumerable<IEnumerable<string?>> rows, string? cssClass = null)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        if (cssClass is null)
            _html.Append("<table>");
        else
            Add($"<table class=\"{cssClass}\">");
        if (header.Any(h => h.Length > 0))
        {
            _html.Append("<thead>");
            Row(header, "th");
            _html.Append("</thead>");
        }

        _html.Append("<tbody>\n");
        foreach (var row in rows)
            Row(row);
        _html.Append("</tbody></table>\n");
        return this;
    }

    public HtmlWriter List(IEnumerable<string> items, string? cssClass = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (cssClass is null)
            _html.Append("<ul>");
        else
            Add($"<ul class=\"{cssClass}\">");
        foreach (var item in items)
            Element("li", item);
        _html.Append("</ul>\n");
        return this;
    }

    /// <summary>An inline PNG (a data: address, so the page fetches nothing); the alternative text is encoded.</summary>
    public HtmlWriter Png(string id, ReadOnlySpan<byte> png, int width, int height, string alt) =>
        Add($"<img id=\"{id}\" src=\"{DataUri.FromBytes("image/png", png)}\" width=\"{width}\" height=\"{height}\" alt=\"{alt}\">");

    public SafeHtml ToHtml() => new(_html.ToString());

    public override string ToString() => _html.ToString();

    private static void CheckTag(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        if (tag.Length == 0 || !char.IsAsciiLetterLower(tag[0]) || !tag.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)))
            throw new ArgumentException($"not a tag name: \"{tag}\"", nameof(tag));
    }
}
