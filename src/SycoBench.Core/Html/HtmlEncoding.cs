using System.Net;

namespace SycoBench.Html;

/// <summary>
/// The one HTML encoder of SycoBench: &lt; &gt; &amp; " ' become entities (' as &amp;#39;), so an encoded value is
/// safe as element text and inside a quoted attribute. <see cref="WebUtility.HtmlEncode(string?)"/> was chosen over
/// <c>HtmlEncoder</c> because report.html and transcripts.html have always been written with it (their golden files
/// stay byte-identical); it also writes Latin-1 letters as numeric references, which browsers show the same.
/// </summary>
internal static class HtmlEncoding
{
    public static string Encode(string? value) => WebUtility.HtmlEncode(value ?? "");
}
