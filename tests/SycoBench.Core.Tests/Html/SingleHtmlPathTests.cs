using System.Text.RegularExpressions;

namespace SycoBench.Tests.Html;

/// <summary>
/// Pages are written through one builder (src/SycoBench.Core/Html): the sources are scanned so that a second encoder,
/// a second interpolated-string handler, a hand-called <c>AppendLiteral</c> or a new way to trusted markup is caught.
/// </summary>
public sealed partial class SingleHtmlPathTests
{
    private const string Builder = "src/SycoBench.Core/Html/";

    public static TheoryData<string, string, string[]> Rules => new()
    {
        { "HTML encoder", @"\b(HtmlEncoder|HtmlEncode|HtmlAttributeEncode|SecurityElement\.Escape)\b|""&(lt|gt|amp|quot|#39|#x27);""", [Builder + "HtmlEncoding.cs"] },
        { "interpolated-string handler", @"\[InterpolatedStringHandler\]", [Builder + "HtmlBuilder.cs"] },
        { "hand-fed literal markup", @"\bAppendLiteral\s*\(", [Builder + "HtmlBuilder.cs"] },
        { "trusted markup from a string", @"\bFromSanitizer\s*\(|\bnew\s+SafeHtml\s*\(|\bSafeHtml\s*\(\s*string\b",
            [Builder + "SafeHtml.cs", Builder + "HtmlBuilder.cs", Builder + "HtmlWriter.cs", "src/SycoBench.Labeling/Web/Html/MarkdownRenderer.cs"] },
        { "raw markup method", @"\bRaw\s*\(\s*string\b", [] },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void Only_the_builder_encodes_html_or_makes_trusted_markup(string what, string pattern, string[] allowed)
    {
        var root = RepositoryRoot();
        var found = SourceFiles(root)
            .Where(f => !allowed.Contains(f.Path, StringComparer.Ordinal))
            .SelectMany(f => f.Lines.Select((line, i) => (f.Path, Line: i + 1, Text: line)))
            .Where(l => !IsComment(l.Text) && Regex.IsMatch(l.Text, pattern))
            .Select(l => $"{l.Path}:{l.Line}: {l.Text.Trim()}")
            .ToArray();

        Assert.True(found.Length == 0, $"{what} outside the HTML builder:\n" + string.Join("\n", found));
    }

    [Fact]
    public void The_scan_sees_the_builder_itself()
    {
        var files = SourceFiles(RepositoryRoot()).ToDictionary(f => f.Path, f => string.Join("\n", f.Lines), StringComparer.Ordinal);

        Assert.Matches(@"WebUtility\.HtmlEncode", files[Builder + "HtmlEncoding.cs"]);
        Assert.Matches(@"\bAppendLiteral\s*\(", files[Builder + "HtmlBuilder.cs"]);
        Assert.True(files.Count > 100, $"{files.Count} source files");
    }

    private static bool IsComment(string line) => line.TrimStart().StartsWith("//", StringComparison.Ordinal);

    private static IEnumerable<(string Path, string[] Lines)> SourceFiles(string root)
    {
        var separator = Path.DirectorySeparatorChar;
        return Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{separator}obj{separator}", StringComparison.Ordinal) && !f.Contains($"{separator}bin{separator}", StringComparison.Ordinal))
            .Select(f => (Path.GetRelativePath(root, f).Replace(separator, '/'), File.ReadAllLines(f)));
    }

    private static string RepositoryRoot() => RepositoryFolder.Root;
}
