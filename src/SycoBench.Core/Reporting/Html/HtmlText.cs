using System.Globalization;
using System.Net;
using System.Text;
using SycoBench.Reporting.Paired;

namespace SycoBench.Reporting.Html;

/// <summary>
/// Builds HTML text where every value is encoded on the way in: <see cref="Text(string?)"/> encodes, only
/// <see cref="Raw"/> writes markup, and it is used for SycoBench's own tags alone.
/// </summary>
internal sealed class HtmlText
{
    private readonly StringBuilder _html = new(1 << 16);

    public HtmlText Raw(string markup)
    {
        _html.Append(markup);
        return this;
    }

    public HtmlText Text(string? value)
    {
        _html.Append(Encode(value));
        return this;
    }

    public HtmlText Element(string tag, string? text, string? cssClass = null)
    {
        _html.Append('<').Append(tag);
        if (cssClass is not null)
            _html.Append(" class=\"").Append(Encode(cssClass)).Append('"');
        _html.Append('>').Append(Encode(text)).Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>A link; the address and the text are both encoded.</summary>
    public HtmlText Link(string href, string text)
    {
        _html.Append("<a href=\"").Append(Encode(href)).Append("\">").Append(Encode(text)).Append("</a>");
        return this;
    }

    public HtmlText Row(IEnumerable<string?> cells, string tag = "td")
    {
        _html.Append("<tr>");
        foreach (var cell in cells)
            Element(tag, cell);
        _html.Append("</tr>\n");
        return this;
    }

    public HtmlText Table(IReadOnlyList<string> header, IEnumerable<IEnumerable<string?>> rows, string? cssClass = null)
    {
        _html.Append(cssClass is null ? "<table>" : $"<table class=\"{Encode(cssClass)}\">");
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

    public HtmlText List(IEnumerable<string> items, string? cssClass = null)
    {
        _html.Append(cssClass is null ? "<ul>" : $"<ul class=\"{Encode(cssClass)}\">");
        foreach (var item in items)
            Element("li", item);
        _html.Append("</ul>\n");
        return this;
    }

    /// <summary>A chart as an inline PNG (a data: URL, so the page fetches nothing), its title as the alternative text.</summary>
    public HtmlText Image(Charts.RenderedChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        _html.Append("<img id=\"chart-").Append(Encode(chart.Name)).Append("\" src=\"data:image/png;base64,")
            .Append(Convert.ToBase64String(chart.Png))
            .Append("\" width=\"").Append(chart.Width.ToString(CultureInfo.InvariantCulture))
            .Append("\" height=\"").Append(chart.Height.ToString(CultureInfo.InvariantCulture))
            .Append("\" alt=\"").Append(Encode(chart.Title)).Append("\">");
        return this;
    }

    public override string ToString() => _html.ToString();

    public static string Encode(string? value) => WebUtility.HtmlEncode(value ?? "");
}

/// <summary>Numbers for people: invariant culture, three decimals, intervals in brackets, small p-values bounded.</summary>
internal static class Show
{
    public static string Number(double? value, int decimals = 3)
    {
        if (value is not { } v || !double.IsFinite(v))
            return "—";
        var text = v.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

        // A tiny negative value rounds to "-0.000", which reads as a sign that is not there.
        return text.TrimStart('-').All(c => c is '0' or '.') ? text.TrimStart('-') : text;
    }

    public static string Estimate(Estimate estimate, int decimals = 3)
    {
        if (estimate.Value is null)
            return "—";
        var value = Number(estimate.Value, decimals);
        return estimate.Low is null || estimate.High is null
            ? value
            : $"{value} [{Number(estimate.Low, decimals)}, {Number(estimate.High, decimals)}]";
    }

    public static string P(double? p) => p switch
    {
        null => "—",
        < 0.0001 => "< 0.0001",
        { } v => v.ToString("0.0000", CultureInfo.InvariantCulture),
    };

    public static string Count(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Share(long part, long whole) =>
        whole == 0 ? "—" : (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    public static string Threshold(double t) => t.ToString("0.###", CultureInfo.InvariantCulture);

    public static string Usd(double amount) => "$" + amount.ToString("0.######", CultureInfo.InvariantCulture);
}
