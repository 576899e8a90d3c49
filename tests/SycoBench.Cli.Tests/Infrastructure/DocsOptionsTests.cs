using System.Text.RegularExpressions;
using Spectre.Console.Cli.Help;

namespace SycoBench.Cli.Tests.Infrastructure;

/// <summary>
/// The manual documents every option of every command, and nothing else: for each command registered in the CLI,
/// the options table of its section in docs/commands.md or docs/labeling.md (a heading naming `sycobench COMMAND`,
/// or the nearest heading naming a command above it) must list exactly the options `sycobench COMMAND --help` shows.
/// A failure says which option is missing or extra, in which file and section.
/// </summary>
public sealed partial class DocsOptionsTests
{
    private static readonly string[] ManualFiles = ["docs/commands.md", "docs/labeling.md"];

    [Fact]
    public void Every_option_of_every_command_is_in_the_manual_and_the_manual_names_no_other()
    {
        var root = RepositoryRoot();
        var sections = ManualFiles.SelectMany(file => Sections(root, file)).ToList();
        var model = SycoBenchCli.Describe();
        var problems = new List<string>();
        var owners = new Dictionary<Section, List<ICommandInfo>>();

        foreach (var command in CommandCatalog.All(model).Where(c => !c.IsBranch))
        {
            var path = string.Join(' ', CommandCatalog.PathOf(command));
            var section = SectionFor(sections, CommandCatalog.PathOf(command));
            if (section is null)
            {
                problems.Add($"`sycobench {path}` has no section: add a heading naming `sycobench {path}` (or its branch) with an options table to {string.Join(" or ", ManualFiles)}");
                continue;
            }

            owners.TryAdd(section, []);
            owners[section].Add(command);
            foreach (var option in CommandCatalog.OptionsOf(command).Where(o => !o.IsHidden))
            {
                var names = option.LongNames.Select(n => "--" + n).Concat(option.ShortNames.Select(n => "-" + n)).ToList();
                var missing = names.Where(n => !section.Options.Contains(n)).ToList();
                if (missing.Count > 0)
                    problems.Add($"{section.File}, section `{section.Title}`: {string.Join(", ", missing)} (from `sycobench {path} --help`) is missing from the options table");
            }
        }

        foreach (var (section, commands) in owners)
        {
            var known = commands.SelectMany(c => CommandCatalog.OptionsOf(c))
                .SelectMany(o => o.LongNames.Select(n => "--" + n).Concat(o.ShortNames.Select(n => "-" + n)))
                .ToHashSet(StringComparer.Ordinal);
            foreach (var documented in section.Options.Where(o => !known.Contains(o)))
                problems.Add($"{section.File}, section `{section.Title}`: {documented} is in the options table but no command of the section has it ({string.Join(", ", commands.Select(c => "sycobench " + string.Join(' ', CommandCatalog.PathOf(c))))})");
        }

        Assert.True(problems.Count == 0, "The manual and --help disagree:\n" + string.Join('\n', problems));
    }

    [Fact]
    public void The_manual_sections_are_found()
    {
        // Guards the parser: were it to find nothing, the test above could only report missing sections.
        var sections = ManualFiles.SelectMany(file => Sections(RepositoryRoot(), file)).ToList();
        Assert.Contains(sections, s => s.Title == "sycobench run" && s.Options.Contains("--max-cost"));
        Assert.Contains(sections, s => s.Title == "sycobench score" && s.Options.Contains("-s") && s.Options.Contains("--scorer-model"));
    }

    internal static string RepositoryRoot() => RepositoryFolder.Root;

    private static Section? SectionFor(List<Section> sections, IReadOnlyList<string> path)
    {
        for (var length = path.Count; length > 0; length--)
        {
            var title = "sycobench " + string.Join(' ', path.Take(length));
            if (sections.FirstOrDefault(s => s.Title == title) is { } section)
                return section;
        }

        return null;
    }

    /// <summary>Headings naming a command (`## `sycobench grid` — …`), each with the options in the first column of its option tables.</summary>
    private static IEnumerable<Section> Sections(string root, string file)
    {
        Section? current = null;
        var inOptionTable = false;
        foreach (var line in File.ReadLines(Path.Combine(root, file)))
        {
            if (line.StartsWith('#'))
            {
                if (current is not null)
                    yield return current;
                current = HeadingCommand().Match(line) is { Success: true } m ? new Section(file, m.Groups[1].Value.Trim()) : null;
                inOptionTable = false;
                continue;
            }

            if (current is null)
                continue;
            if (!line.StartsWith('|'))
            {
                inOptionTable = false;
                continue;
            }

            var firstCell = TableCell().Split(line)[1].Trim();
            if (firstCell == "option")
            {
                inOptionTable = true;
                continue;
            }

            if (!inOptionTable)
                continue;
            foreach (Match code in BacktickCode().Matches(firstCell))
            {
                foreach (Match option in OptionName().Matches(code.Groups[1].Value))
                    current.Options.Add(option.Value);
            }
        }

        if (current is not null)
            yield return current;
    }

    private sealed record Section(string File, string Title)
    {
        public HashSet<string> Options { get; } = new(StringComparer.Ordinal);
    }

    [GeneratedRegex(@"^#+\s+`(sycobench [a-z\- ]+?)`")]
    private static partial Regex HeadingCommand();

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex TableCell();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex BacktickCode();

    [GeneratedRegex(@"(?<![\w-])--?[a-zA-Z][a-zA-Z0-9\-]*")]
    private static partial Regex OptionName();
}
