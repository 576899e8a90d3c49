using System.Text.RegularExpressions;

namespace SycoBench.Tests.Docs;

/// <summary>
/// Code comments and the manual cite the rules as "SPEC §n". Every such citation must name a section of
/// docs/specification.md, and nothing in the repository may send a reader to a specification outside it.
/// </summary>
public sealed partial class SpecificationReferenceTests
{
    private static readonly string[] Folders = ["src", "docs", "bench", "tests"];
    private static readonly string[] Endings = [".cs", ".md", ".sh", ".cshtml", ".js"];

    [Fact]
    public void Every_spec_citation_names_a_section_of_the_specification_page()
    {
        var sections = Sections();
        var problems = new List<string>();
        var citations = 0;
        foreach (var (path, number, text) in Lines())
        {
            foreach (Match match in Citation().Matches(text))
            {
                citations++;
                if (!sections.Contains(match.Groups[1].Value))
                    problems.Add($"{path}:{number}: {match.Value} is not a section of docs/specification.md");
            }
        }

        Assert.True(citations > 20, $"only {citations} citations found: the scan reads the wrong files");
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void Nothing_points_to_a_specification_outside_the_repository()
    {
        var outside = Lines()
            .Where(l => OutsidePath().IsMatch(l.Text))
            .Select(l => $"{l.Path}:{l.Number}: {l.Text.Trim()}")
            .ToList();
        Assert.True(outside.Count == 0, "These lines name a file outside the repository:\n" + string.Join('\n', outside));
    }

    [Fact]
    public void The_specification_page_has_its_eight_sections_in_order()
    {
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8"], Sections());
    }

    private static List<string> Sections() =>
        File.ReadLines(RepositoryFolder.Combine("docs", "specification.md"))
            .Select(line => Heading().Match(line))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)
            .ToList();

    private static IEnumerable<(string Path, int Number, string Text)> Lines()
    {
        var root = RepositoryFolder.Root;
        var separator = Path.DirectorySeparatorChar;
        var self = $"{separator}{nameof(SpecificationReferenceTests)}.cs";
        foreach (var folder in Folders)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, folder), "*", SearchOption.AllDirectories))
            {
                if (!Endings.Contains(Path.GetExtension(file), StringComparer.Ordinal)
                    || file.Contains($"{separator}bin{separator}", StringComparison.Ordinal)
                    || file.Contains($"{separator}obj{separator}", StringComparison.Ordinal)
                    || file.EndsWith(self, StringComparison.Ordinal))
                    continue;
                var number = 0;
                foreach (var line in File.ReadLines(file))
                    yield return (Path.GetRelativePath(root, file), ++number, line);
            }
        }

        var readme = 0;
        foreach (var line in File.ReadLines(Path.Combine(root, "README.md")))
            yield return ("README.md", ++readme, line);
    }

    [GeneratedRegex(@"SPEC §(\d+)")]
    private static partial Regex Citation();

    [GeneratedRegex(@"^## §(\d+) ")]
    private static partial Regex Heading();

    [GeneratedRegex(@"shared/spec|shared/reference|SPEC\.md")]
    private static partial Regex OutsidePath();
}
