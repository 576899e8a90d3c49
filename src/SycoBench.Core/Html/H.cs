namespace SycoBench.Html;

/// <summary>Short names for building markup: <c>H.Html($"…")</c>.</summary>
public static class H
{
    public static SafeHtml Html(HtmlBuilder builder) => builder.Build();

    public static SafeHtml Join(IEnumerable<SafeHtml> parts) => SafeHtml.Join(parts);
}
