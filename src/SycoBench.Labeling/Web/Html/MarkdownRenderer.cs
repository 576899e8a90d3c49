using System.Collections.Concurrent;
using Ganss.Xss;
using Markdig;

using SycoBench.Html;

namespace SycoBench.Labeling.Web.Html;

/// <summary>
/// Model answers as reviewers see them: markdown (tables, emphasis, lists) rendered by Markdig with raw HTML turned
/// off, so a <c>&lt;script&gt;</c> in an answer is shown as text, and the result passed through HtmlSanitizer as a
/// second wall (no scripts, handlers, styles, ids, forms or images; links only to http, https and mailto).
/// Answers never change once stored, so rendered answers are kept, up to a bound.
/// </summary>
public sealed class MarkdownRenderer
{
    private const int CacheLimit = 4096;
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseListExtras()
        .UseTaskLists()
        .UseAutoLinks()
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();
    private readonly ConcurrentDictionary<string, SafeHtml> _cache = new(StringComparer.Ordinal);

    public SafeHtml Render(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        if (_cache.TryGetValue(markdown, out var cached))
            return cached;
        var html = SafeHtml.FromSanitizer(_sanitizer.Sanitize(Markdown.ToHtml(markdown, _pipeline)));
        if (_cache.Count >= CacheLimit)
            _cache.Clear();
        _cache[markdown] = html;
        return html;
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        foreach (var tag in new[] { "img", "form", "input", "button", "select", "option", "optgroup", "textarea", "label", "fieldset", "legend", "area", "map", "video", "audio", "source", "track" })
            sanitizer.AllowedTags.Remove(tag);
        foreach (var attribute in new[] { "style", "id", "name", "class", "target", "form", "formaction" })
            sanitizer.AllowedAttributes.Remove(attribute);
        sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "http", "https", "mailto" })
            sanitizer.AllowedSchemes.Add(scheme);
        sanitizer.AllowDataAttributes = false;
        return sanitizer;
    }
}
