using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace SycoBench.Html;

/// <summary>
/// Interpolated-string handler for HTML: the literal parts of the string are markup, every interpolated value is
/// HTML-encoded (numbers in the invariant culture) unless it is already <see cref="SafeHtml"/>. Write
/// <c>H.Html($"&lt;p&gt;{text}&lt;/p&gt;")</c> or <c>writer.Add($"&lt;p&gt;{text}&lt;/p&gt;")</c>. A plain string
/// does not convert to this type, so runtime text cannot be passed where markup is expected.
/// </summary>
[InterpolatedStringHandler]
public ref struct HtmlBuilder
{
    private readonly StringBuilder _builder;

    public HtmlBuilder(int literalLength, int formattedCount)
    {
        _builder = new StringBuilder(literalLength + formattedCount * 16);
    }

    /// <summary>Called by the compiler with the literal parts of the source text; never call it yourself.</summary>
    public readonly void AppendLiteral(string literal) => _builder.Append(literal);

    public readonly void AppendFormatted(SafeHtml html) => _builder.Append(html.Value);

    public readonly void AppendFormatted(string? text) => _builder.Append(HtmlEncoding.Encode(text));

    public readonly void AppendFormatted<T>(T value) =>
        AppendFormatted(value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value?.ToString());

    public readonly void AppendFormatted<T>(T value, string format)
        where T : IFormattable => AppendFormatted(value.ToString(format, CultureInfo.InvariantCulture));

    public readonly SafeHtml Build() => new(_builder.ToString());
}
