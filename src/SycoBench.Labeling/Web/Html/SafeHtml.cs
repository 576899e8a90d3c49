namespace SycoBench.Labeling.Web.Html;

/// <summary>
/// HTML known to be safe: built by <see cref="HtmlBuilder"/> (which encodes every interpolated value) or by the
/// markdown sanitiser. Pages are made only of these, so a value can reach a page unencoded only by being one.
/// </summary>
public readonly record struct SafeHtml(string Value)
{
    public static SafeHtml Empty { get; } = new("");

    public static SafeHtml Join(IEnumerable<SafeHtml> parts) => new(string.Concat(parts.Select(p => p.Value)));

    public override string ToString() => Value;
}
