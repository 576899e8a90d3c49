using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace SycoBench.Labeling.Web.Html;

/// <summary>
/// Interpolated-string handler for HTML: literal parts are markup, every interpolated value is HTML-encoded (numbers
/// in the invariant culture) unless it is already <see cref="SafeHtml"/>. Write <c>H.Html($"&lt;p&gt;{text}&lt;/p&gt;")</c>.
/// </summary>
[InterpolatedStringHandler]
public ref struct HtmlBuilder
{
    // Non-ASCII text (€, quotes, accents) stays as it is; markup characters are always encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private readonly StringBuilder _builder;

    public HtmlBuilder(int literalLength, int formattedCount)
    {
        _builder = new StringBuilder(literalLength + formattedCount * 16);
    }

    public readonly void AppendLiteral(string literal) => _builder.Append(literal);

    public readonly void AppendFormatted(SafeHtml html) => _builder.Append(html.Value);

    public readonly void AppendFormatted(string? text) => _builder.Append(Encoder.Encode(text ?? ""));

    public readonly void AppendFormatted<T>(T value) => AppendFormatted(value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value?.ToString());

    public readonly void AppendFormatted<T>(T value, string format)
        where T : IFormattable => AppendFormatted(value.ToString(format, CultureInfo.InvariantCulture));

    public readonly SafeHtml Build() => new(_builder.ToString());
}

/// <summary>Short names for building pages.</summary>
public static class H
{
    public static SafeHtml Html(HtmlBuilder builder) => builder.Build();

    public static SafeHtml Join(IEnumerable<SafeHtml> parts) => SafeHtml.Join(parts);
}
