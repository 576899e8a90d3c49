using System.Text.Encodings.Web;
using System.Text.Json;

namespace SycoBench.Html;

/// <summary>
/// JSON written straight into a <c>&lt;script type="application/json"&gt;</c> block of a page (transcripts.html streams
/// its data this way). <see cref="JavaScriptEncoder.Default"/> writes &lt; &gt; &amp; ' + and every non-ASCII character
/// as \u escapes inside strings, and JSON has no other place for them, so the block can neither be closed
/// (<c>&lt;/script</c>) nor switch the HTML parser into its escaped state (<c>&lt;!--</c>).
/// </summary>
public static class ScriptJson
{
    public static JsonWriterOptions WriterOptions { get; } = new() { Encoder = JavaScriptEncoder.Default, SkipValidation = false };
}
