using SycoBench.Labeling.Web.Html;

namespace SycoBench.Labeling.Tests.Web.Html;

public sealed class HtmlTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;")]
    [InlineData("[click](javascript:alert(1))", "<p><a>click</a></p>")]
    [InlineData("{#score .x} text", "{#score .x} text")]
    [InlineData("| a | b |\n|---|---|\n| 1 | 2 |", "<td>1</td>")]
    [InlineData("**bold** and *it*", "<strong>bold</strong> and <em>it</em>")]
    public void Markdown_is_rendered_and_markup_in_it_stays_text(string markdown, string expected)
    {
        var html = new MarkdownRenderer().Render(markdown).Value;

        Assert.Contains(expected, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" id=", html, StringComparison.Ordinal);
    }
}
