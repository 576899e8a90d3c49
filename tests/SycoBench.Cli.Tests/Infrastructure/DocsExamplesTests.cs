using System.Text;
using System.Text.RegularExpressions;
using Spectre.Console.Cli.Help;

namespace SycoBench.Cli.Tests.Infrastructure;

/// <summary>
/// The command lines the README and the manual show are the program's: every <c>sycobench …</c> line of a
/// <c>bash</c>/<c>sh</c> code block parses against the command model (commands, options, values, arguments) as a user
/// would paste it; every command the program registers has at least one such example, and every option is used in one
/// (in the manual or in <c>--help</c>); every transcript of a refused command line (<c>$ sycobench …</c> followed by
/// <c>error: …</c>) prints exactly the error shown. A renamed option or command fails here with the file and line of
/// each example left behind.
/// </summary>
public sealed partial class DocsExamplesTests
{
    private static readonly ICommandModel Model = SycoBenchCli.Describe();
    private static readonly string[] ShellFences = ["bash", "sh", "shell"];

    [Fact]
    public void Every_example_in_the_readme_and_the_manual_parses()
    {
        var examples = Examples().ToList();
        Assert.True(examples.Count >= 100, $"only {examples.Count} examples found: the reader of code blocks is broken");
        var problems = new List<string>();
        foreach (var example in examples)
        {
            try
            {
                CommandLineCheck.Check(Model, example.Words);
            }
            catch (CliUsageException ex)
            {
                problems.Add($"{example.Where}: `{example.Text}`: {ex.Message}");
            }
        }

        Assert.True(problems.Count == 0, "Examples the program refuses:\n" + string.Join('\n', problems));
    }

    [Fact]
    public void Every_command_has_an_example_in_the_readme_or_the_manual()
    {
        var shown = Examples().Select(e => CommandOf(e.Words)).ToHashSet(StringComparer.Ordinal);
        var missing = CommandCatalog.All(Model).Where(c => !c.IsBranch)
            .Select(c => string.Join(' ', CommandCatalog.PathOf(c)))
            .Where(path => !shown.Contains(path))
            .ToList();
        Assert.True(missing.Count == 0, "Commands with no example in README.md or docs/: " + string.Join(", ", missing.Select(m => "sycobench " + m)));
    }

    [Fact]
    public void Every_option_is_shown_in_an_example()
    {
        // An option shared by a group of commands (--db of every portal command, --cache of every cache command) is
        // shown once for the group: an example of any command of the same first word counts.
        var shown = Examples().Select(e => e.Words)
            .Concat(Model.Examples.Concat(CommandCatalog.All(Model).SelectMany(c => c.Examples)).Select(e => e.ToArray()))
            .SelectMany(words =>
            {
                var command = CommandOf(words);
                var group = command.Split(' ')[0];
                return words.Skip(command.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length)
                    .Where(w => w.StartsWith('-'))
                    .SelectMany(w => new[] { command + " " + w.Split('=')[0], group + " * " + w.Split('=')[0] });
            })
            .ToHashSet(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var command in CommandCatalog.All(Model).Where(c => !c.IsBranch))
        {
            var path = CommandCatalog.PathOf(command);
            foreach (var option in CommandCatalog.OptionsOf(command).Where(o => !o.IsHidden))
            {
                var names = option.LongNames.Select(n => "--" + n).Concat(option.ShortNames.Select(n => "-" + n)).ToList();
                if (!names.Any(n => shown.Contains(string.Join(' ', path) + " " + n) || shown.Contains(path[0] + " * " + n)))
                    missing.Add($"sycobench {string.Join(' ', path)} {names[0]}");
            }
        }

        Assert.True(missing.Count == 0, "Options no example in --help, README.md or docs/ shows:\n" + string.Join('\n', missing));
    }

    [Fact]
    public void Every_refused_command_line_shown_prints_the_error_shown()
    {
        var transcripts = Transcripts().ToList();
        Assert.NotEmpty(transcripts);
        foreach (var (where, words, shownError) in transcripts)
        {
            var ex = Assert.Throws<CliUsageException>(() => CommandLineCheck.Check(Model, words));
            Assert.True(shownError == "error: " + ex.Message, $"{where}: the manual shows `{shownError}`, the program prints `error: {ex.Message}`");
        }
    }

    [Theory]
    [InlineData("sycobench grid --out /tmp/g.jsonl   # a comment", "grid --out /tmp/g.jsonl")]
    [InlineData("SIM_BASE_URL=http://127.0.0.1:5089/v1 sycobench run --models sim", "run --models sim")]
    [InlineData("sycobench sim serve &", "sim serve")]
    [InlineData("sycobench portal reviewers add \"Ada Lovelace\"", "portal reviewers add|Ada Lovelace")]
    [InlineData("sycobench run --resume \"$part\" --retry-errors", "run --resume $part --retry-errors")]
    [InlineData("cd x && sycobench report --input 'a b.jsonl' | tee log", "report --input|a b.jsonl")]
    [InlineData("echo sycobench grid", null)]
    public void The_reader_splits_a_shell_line_as_a_shell_would(string line, string? expected)
    {
        // '|' in the expectation separates words that hold a space; elsewhere words are split on spaces.
        var words = SycoBenchWords(line);
        var want = expected?.Split('|').SelectMany((part, i) => i % 2 == 0 ? part.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [part]).ToArray();
        Assert.Equal(want, words);
    }

    private sealed record Example(string Where, string Text, string[] Words);

    private static IEnumerable<Example> Examples()
    {
        foreach (var (file, lines) in Documents())
        {
            string? fence = null;
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].StartsWith("```", StringComparison.Ordinal))
                {
                    fence = fence is null ? lines[i][3..].Trim() : null;
                    continue;
                }

                if (fence is null || !ShellFences.Contains(fence))
                    continue;
                var first = i + 1;
                var text = lines[i];
                while (text.EndsWith('\\') && i + 1 < lines.Length)
                    text = text[..^1] + " " + lines[++i].Trim();
                if (SycoBenchWords(text) is { } words)
                    yield return new Example($"{file}:{first}", text.Trim(), words);
            }
        }
    }

    /// <summary><c>$ sycobench …</c> lines of plain code blocks, each with the <c>error: …</c> line after it.</summary>
    private static IEnumerable<(string Where, string[] Words, string Error)> Transcripts()
    {
        foreach (var (file, lines) in Documents())
        {
            for (var i = 0; i + 1 < lines.Length; i++)
            {
                if (lines[i].StartsWith("$ sycobench ", StringComparison.Ordinal) && lines[i + 1].StartsWith("error: ", StringComparison.Ordinal))
                    yield return ($"{file}:{i + 1}", SycoBenchWords(lines[i][2..])!, lines[i + 1]);
            }
        }
    }

    private static IEnumerable<(string File, string[] Lines)> Documents()
    {
        var root = RepositoryFolder.Root;
        yield return ("README.md", File.ReadAllLines(Path.Combine(root, "README.md")));
        foreach (var path in Directory.GetFiles(Path.Combine(root, "docs"), "*.md").Order(StringComparer.Ordinal))
            yield return ("docs/" + Path.GetFileName(path), File.ReadAllLines(path));
    }

    /// <summary>
    /// The words after <c>sycobench</c> in the first command of <paramref name="line"/> that runs it (after any
    /// <c>NAME=value</c> assignments, or after <c>&amp;&amp;</c>, <c>;</c> or <c>|</c>), split as a shell splits them;
    /// null when the line runs no <c>sycobench</c> command.
    /// </summary>
    private static string[]? SycoBenchWords(string line)
    {
        var tokens = ShellTokens(line);
        var start = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var (word, quoted) = tokens[i];
            if (!quoted && word is "&&" or "||" or ";" or "|" or "&")
            {
                start = i + 1;
                continue;
            }

            if (i == start && !quoted && Assignment().IsMatch(word))
            {
                start = i + 1;
                continue;
            }

            if (i != start)
                continue;
            if (word != "sycobench" || quoted)
                continue;
            var words = new List<string>();
            for (var j = i + 1; j < tokens.Count && (tokens[j].Quoted || tokens[j].Word is not ("&&" or "||" or ";" or "|" or "&")); j++)
                words.Add(tokens[j].Word);
            return [.. words];
        }

        return null;
    }

    /// <summary>Words of a shell line: quotes group, <c>#</c> at a word's start begins a comment, operators stand alone.</summary>
    private static List<(string Word, bool Quoted)> ShellTokens(string line)
    {
        var tokens = new List<(string, bool)>();
        var word = new StringBuilder();
        var quoted = false;
        var inWord = false;
        void End()
        {
            if (inWord)
                tokens.Add((word.ToString(), quoted));
            word.Clear();
            quoted = false;
            inWord = false;
        }

        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c is '"' or '\'')
            {
                var close = line.IndexOf(c, i + 1);
                if (close < 0)
                    close = line.Length;
                word.Append(line, i + 1, close - i - 1);
                quoted = inWord = true;
                i = close;
            }
            else if (char.IsWhiteSpace(c))
            {
                End();
            }
            else if (c == '#' && !inWord)
            {
                break;
            }
            else if (c is '&' or '|' or ';')
            {
                End();
                var doubled = i + 1 < line.Length && line[i + 1] == c && c != ';';
                tokens.Add((doubled ? new string(c, 2) : c.ToString(), false));
                if (doubled)
                    i++;
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }

        End();
        return tokens;
    }

    private static string CommandOf(string[] words)
    {
        ICommandContainer container = Model;
        var path = new List<string>();
        foreach (var word in words)
        {
            var next = container.Commands.FirstOrDefault(c => c.Name == word);
            if (next is null)
                break;
            path.Add(word);
            container = next;
        }

        return string.Join(' ', path);
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*=")]
    private static partial Regex Assignment();
}
