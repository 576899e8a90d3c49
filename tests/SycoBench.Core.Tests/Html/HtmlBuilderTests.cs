using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using SycoBench.Html;

namespace SycoBench.Tests.Html;

/// <summary>
/// The one HTML builder. What the tests cannot show is a compile-time fact: <see cref="SafeHtml"/>'s constructor is
/// internal and a plain <c>string</c> does not convert to <see cref="HtmlBuilder"/>, so code outside Core can only make
/// markup from the literal parts of an interpolated string, other <see cref="SafeHtml"/> and the named helpers below
/// (<c>H.Html(someString)</c> and <c>new SafeHtml(someString)</c> do not compile). The helpers' escaping is tested here.
/// </summary>
public sealed class HtmlBuilderTests
{
    private const string Hostile = "<b>\"x\" & 'y'</b>";
    private const string HostileEncoded = "&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;";

    [Fact]
    public void Every_interpolated_value_is_encoded_and_safe_html_is_not()
    {
        var inner = H.Html($"<i>{Hostile}</i>");
        object boxed = Hostile;

        var html = H.Html($"<p title=\"{Hostile}\">{inner} {boxed} {1234.5} {0.25:0.0}</p>");

        Assert.Equal($"<p title=\"{HostileEncoded}\"><i>{HostileEncoded}</i> {HostileEncoded} 1234.5 0.3</p>", html.Value);
    }

    [Theory]
    [InlineData("<", "&lt;")]
    [InlineData(">", "&gt;")]
    [InlineData("&", "&amp;")]
    [InlineData("\"", "&quot;")]
    [InlineData("'", "&#39;")]
    [InlineData("600 € — ok", "600 € — ok")]
    [InlineData(null, "")]
    public void Each_markup_character_is_encoded(string? text, string expected)
    {
        Assert.Equal(expected, H.Html($"{text}").Value);
        Assert.Equal(expected, new HtmlWriter().Text(text).ToString());
    }

    [Fact]
    public void Numbers_are_written_in_the_invariant_culture_whatever_the_current_one()
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            // The machine runs in invariant-globalization mode, so a comma-decimal culture is made by hand.
            var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            comma.NumberFormat.NumberDecimalSeparator = ",";
            comma.NumberFormat.NumberGroupSeparator = ".";
            CultureInfo.CurrentCulture = comma;
            Assert.Equal("1.234,5", 1234.5.ToString("#,0.0", CultureInfo.CurrentCulture));
            Assert.Equal("1234.5 1,234.50", H.Html($"{1234.5} {1234.5:N2}").Value);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void Writer_elements_encode_text_classes_and_link_addresses()
    {
        var html = new HtmlWriter()
            .Add($"<div>")
            .Element("p", Hostile, Hostile)
            .Link("page.html#a=\"1\"&b=2", Hostile)
            .Table(["h<1>"], [["c&d"]], "t'x")
            .List(["<li>"], "n\"x")
            .Add(H.Html($"</div>"))
            .ToString();

        Assert.Equal(
            $"<div><p class=\"{HostileEncoded}\">{HostileEncoded}</p><a href=\"page.html#a=&quot;1&quot;&amp;b=2\">{HostileEncoded}</a>"
            + "<table class=\"t&#39;x\"><thead><tr><th>h&lt;1&gt;</th></tr>\n</thead><tbody>\n<tr><td>c&amp;d</td></tr>\n</tbody></table>\n"
            + "<ul class=\"n&quot;x\"><li>&lt;li&gt;</li></ul>\n</div>",
            html);
    }

    [Theory]
    [InlineData("script onload=alert(1)")]
    [InlineData("p><script")]
    [InlineData("")]
    [InlineData("P")]
    [InlineData("1p")]
    public void A_tag_name_that_is_not_a_plain_name_is_refused(string tag)
    {
        Assert.Throws<ArgumentException>(() => new HtmlWriter().Element(tag, "x"));
        Assert.Throws<ArgumentException>(() => new HtmlWriter().Row(["x"], tag));
    }

    [Fact]
    public void Png_is_a_base64_data_address_with_encoded_id_and_alternative_text()
    {
        var html = new HtmlWriter().Png("chart-\"x\"", [0xFB, 0xFF, 0x00], 640, 480, Hostile).ToString();

        Assert.Equal($"<img id=\"chart-&quot;x&quot;\" src=\"data:image/png;base64,+/8A\" width=\"640\" height=\"480\" alt=\"{HostileEncoded}\">", html);
    }

    [Theory]
    [InlineData("image/png")]
    [InlineData("image/svg+xml")]
    public void Data_addresses_carry_the_media_type_and_base64(string mediaType)
    {
        Assert.Equal($"data:{mediaType};base64,PHN2Zz4=", DataUri.FromBytes(mediaType, "<svg>"u8));
    }

    [Theory]
    [InlineData("image/png\" onerror=\"x")]
    [InlineData("text/html;charset=utf-8")]
    [InlineData("png")]
    [InlineData("image/")]
    [InlineData("a/b/c")]
    public void A_media_type_with_anything_but_a_plain_type_and_subtype_is_refused(string mediaType)
    {
        Assert.Throws<ArgumentException>(() => DataUri.FromBytes(mediaType, [1]));
    }

    [Theory]
    [InlineData("body{color:red}", "<style>body{color:red}</style>")]
    [InlineData("a::after{content:\"</style><script>x</script>\"}", "<style>a::after{content:\"\\3C /style>\\3C script>x\\3C /script>\"}</style>")]
    [InlineData("<!--", "<style>\\3C !--</style>")]
    public void Style_text_cannot_close_its_element(string css, string expected)
    {
        Assert.Equal(expected, SafeHtml.StyleElement(css).Value);
    }

    [Theory]
    [InlineData("let a = 1 < 2;", "<script>let a = 1 < 2;</script>")]
    [InlineData("s = '</script><img src=x>';", "<script>s = '<\\/script><img src=x>';</script>")]
    [InlineData("s = '</SCRIPT >';", "<script>s = '<\\/SCRIPT >';</script>")]
    [InlineData("s = '<!--<script>';", "<script>s = '<\\!--<script>';</script>")]
    [InlineData("{\"a\":\"</script>\"}", "<script>{\"a\":\"<\\/script>\"}</script>")]
    public void Script_text_cannot_close_its_element_or_open_an_html_comment(string script, string expected)
    {
        var html = SafeHtml.ScriptElement(script).Value;

        Assert.Equal(expected, html);
        var inside = html["<script>".Length..^"</script>".Length];
        Assert.DoesNotContain("</", inside, StringComparison.Ordinal);
        Assert.DoesNotContain("<!--", inside, StringComparison.Ordinal);
    }

    [Fact]
    public void Escaping_inline_code_twice_changes_nothing()
    {
        const string Code = "a</b<!--c<d";

        Assert.Equal(InlineCode.Script(Code), InlineCode.Script(InlineCode.Script(Code)));
        Assert.Equal(InlineCode.Css(Code), InlineCode.Css(InlineCode.Css(Code)));
    }

    [Fact]
    public void Join_and_empty_concatenate_markup_as_it_is()
    {
        Assert.Equal("", default(SafeHtml).Value);
        Assert.Equal("", SafeHtml.Empty.ToString());
        Assert.Equal("<a></a>&lt;", H.Join([H.Html($"<a>"), H.Html($"</a>"), H.Html($"{"<"}")]).Value);
    }

    [Fact]
    public void Json_for_a_script_block_cannot_close_it_and_reads_back_the_same()
    {
        const string Hostile = "</script><script>x()</script><!-- <SCRIPT> & 'q' + é";
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, ScriptJson.WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("</script>", Hostile);
            json.WriteEndObject();
        }

        var text = Encoding.UTF8.GetString(buffer.ToArray());

        Assert.DoesNotContain("<", text, StringComparison.Ordinal);
        Assert.DoesNotContain(">", text, StringComparison.Ordinal);
        Assert.DoesNotContain("&", text, StringComparison.Ordinal);
        Assert.Equal(Hostile, JsonDocument.Parse(text).RootElement.GetProperty("</script>").GetString());
    }

    [Fact]
    public void The_only_public_ways_from_a_string_to_safe_html_are_the_named_helpers()
    {
        // A new public Raw(string) (or anything else that turns text into SafeHtml) anywhere in Core fails here.
        var fromText = typeof(SafeHtml).Assembly.GetExportedTypes()
            .SelectMany(t => t.GetMembers(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m switch
            {
                MethodInfo method => method.ReturnType == typeof(SafeHtml) && method.GetParameters().Any(p => p.ParameterType == typeof(string)),
                ConstructorInfo constructor => constructor.DeclaringType == typeof(SafeHtml) && constructor.GetParameters().Length > 0,
                _ => false,
            })
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}")
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(["SafeHtml.ScriptElement", "SafeHtml.StyleElement"], fromText);
        Assert.DoesNotContain(typeof(HtmlBuilder).GetConstructors(), c => c.GetParameters().Any(p => p.ParameterType == typeof(string)));
    }
}
