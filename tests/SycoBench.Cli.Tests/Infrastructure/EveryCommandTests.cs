using Spectre.Console.Cli;
using Spectre.Console.Cli.Help;

namespace SycoBench.Cli.Tests.Infrastructure;

/// <summary>
/// Every command registered in the CLI — read from the configured command model, not from a list kept here — renders
/// its help, refuses an unknown option, an unexpected argument and an option without its value, each with exit code 2
/// and one line naming what was wrong. A new command is covered the day it is registered.
/// </summary>
public sealed class EveryCommandTests
{
    private static readonly ICommandModel Model = SycoBenchCli.Describe();

    public static TheoryData<string> Commands()
    {
        var data = new TheoryData<string>();
        foreach (var command in CommandCatalog.All(Model))
            data.Add(string.Join(' ', CommandCatalog.PathOf(command)));
        return data;
    }

    public static TheoryData<string> Leaves()
    {
        var data = new TheoryData<string>();
        foreach (var command in CommandCatalog.All(Model).Where(c => !c.IsBranch))
            data.Add(string.Join(' ', CommandCatalog.PathOf(command)));
        return data;
    }

    public static TheoryData<string, string> OptionsWithValues()
    {
        var data = new TheoryData<string, string>();
        foreach (var command in CommandCatalog.All(Model).Where(c => !c.IsBranch))
        {
            foreach (var option in CommandCatalog.OptionsOf(command).Where(o => !o.IsFlag && !o.ValueIsOptional))
                data.Add(string.Join(' ', CommandCatalog.PathOf(command)), "--" + option.LongNames[0]);
        }

        return data;
    }

    /// <summary>Every option of every command that takes one value (not a repeatable one such as <c>report --input</c>).</summary>
    public static TheoryData<string, string> SingleValueOptions()
    {
        var data = new TheoryData<string, string>();
        foreach (var command in CommandCatalog.All(Model).Where(c => !c.IsBranch))
        {
            foreach (var option in CommandCatalog.OptionsOf(command).Where(o => !o.IsFlag && o is not ICommandParameterInfo { ParameterType.IsArray: true }))
                data.Add(string.Join(' ', CommandCatalog.PathOf(command)), "--" + option.LongNames[0]);
        }

        return data;
    }

    /// <summary>Every option whose value is a number (whole or not), with the words its refusal must use.</summary>
    public static TheoryData<string, string, string> NumberOptions()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var command in CommandCatalog.All(Model).Where(c => !c.IsBranch))
        {
            foreach (var option in CommandCatalog.OptionsOf(command))
            {
                var type = option is ICommandParameterInfo info ? Nullable.GetUnderlyingType(info.ParameterType) ?? info.ParameterType : null;
                var kind = type == typeof(int) || type == typeof(long) ? "a whole number" : type == typeof(double) ? "a number" : null;
                if (kind is not null)
                    data.Add(string.Join(' ', CommandCatalog.PathOf(command)), "--" + option.LongNames[0], kind);
            }
        }

        return data;
    }

    /// <summary>Every example of every --help, as it is printed: the words joined by spaces.</summary>
    public static TheoryData<string> Examples() => new(ExampleLines());

    private static IEnumerable<string> ExampleLines() =>
        Model.Examples.Concat(CommandCatalog.All(Model).SelectMany(c => c.Examples)).Select(e => string.Join(' ', e)).Distinct(StringComparer.Ordinal);

    [Fact]
    public void The_model_holds_every_command_of_the_program()
    {
        // A guard against walking an empty or partial tree, which would let every test below pass vacuously.
        var paths = CommandCatalog.All(Model).Select(c => string.Join(' ', CommandCatalog.PathOf(c))).ToHashSet();
        foreach (var expected in new[] { "grid", "run", "score", "report", "demo", "sim serve", "scorer train", "label serve", "portal push", "portal reviewers add", "agreement" })
            Assert.Contains(expected, paths);
    }

    [Fact]
    public async Task Top_level_help_renders()
    {
        using var cwd = new TempDirectory();
        var result = await CliRun.InProcessAsync(cwd.Path, "--help");
        Assert.Equal(0, result.ExitCode);
        foreach (var command in Model.Commands.Where(c => !c.IsHidden))
            Assert.Contains(command.Name, result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Help_renders_every_option_and_exits_0(string command)
    {
        using var cwd = new TempDirectory();

        var result = await CliRun.InProcessAsync(cwd.Path, [.. Words(command), "--help"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        Assert.Contains("USAGE", result.Output, StringComparison.Ordinal);
        foreach (var option in Find(command).Parameters.OfType<ICommandOption>().Where(o => !o.IsHidden))
            Assert.Contains("--" + option.LongNames[0], result.Output, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(cwd.Path));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task An_unknown_option_exits_2_and_names_it(string command)
    {
        using var cwd = new TempDirectory();

        var result = await CliRun.InProcessAsync(cwd.Path, [.. Words(command), "--no-such-option"]);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: unknown option '--no-such-option'", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
        Assert.Empty(Directory.EnumerateFileSystemEntries(cwd.Path));
    }

    [Theory]
    [MemberData(nameof(Leaves))]
    public async Task A_misspelt_option_exits_2_and_suggests_the_real_one(string command)
    {
        var option = CommandCatalog.OptionsOf(Find(command)).Select(o => o.LongNames[0]).FirstOrDefault(n => n.Length >= 5);
        if (option is null)
            return;
        using var cwd = new TempDirectory();
        var misspelt = "--" + option[..^2] + option[^1] + option[^2];

        var result = await CliRun.InProcessAsync(cwd.Path, [.. Words(command), misspelt, "1"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"error: unknown option '{misspelt}' (did you mean '--{option}'?)", result.Error.TrimEnd());
    }

    [Theory]
    [MemberData(nameof(Leaves))]
    public async Task An_argument_the_command_does_not_take_exits_2(string command)
    {
        using var cwd = new TempDirectory();
        var arguments = Find(command).Parameters.OfType<ICommandArgument>().ToList();
        if (arguments.Any(a => a is ICommandParameterInfo { ParameterType.IsArray: true }))
            return; // it takes any number of words
        var words = Words(command).Concat(arguments.Select(a => "x")).Append("unexpected-word").ToArray();

        var result = await CliRun.InProcessAsync(cwd.Path, words);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'unexpected-word'", result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(cwd.Path));
    }

    [Theory]
    [MemberData(nameof(Leaves))]
    public async Task Words_after_a_double_dash_exit_2(string command)
    {
        using var cwd = new TempDirectory();

        var result = await CliRun.InProcessAsync(cwd.Path, [.. Words(command), "--", "--max-cost", "1"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'--max-cost' after '--'", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(OptionsWithValues))]
    public async Task An_option_without_its_value_exits_2(string command, string option)
    {
        using var cwd = new TempDirectory();

        var atEnd = await CliRun.InProcessAsync(cwd.Path, [.. Words(command), option]);
        var beforeAnother = await CliRun.InProcessAsync(cwd.Path, [.. Words(command), option, "--help"]);

        Assert.Equal(2, atEnd.ExitCode);
        Assert.StartsWith($"error: option '{option}' needs a value", atEnd.Error, StringComparison.Ordinal);
        Assert.Equal(2, beforeAnother.ExitCode);
        Assert.Empty(Directory.EnumerateFileSystemEntries(cwd.Path));
    }

    [Theory]
    [MemberData(nameof(SingleValueOptions))]
    public void An_option_of_one_value_given_twice_is_refused(string command, string option)
    {
        // The framework keeps the last value and drops the first without a word: "--dataset a --dataset b" must not
        // quietly work on b, nor "--reviews a.jsonl --reviews b.jsonl" analyse only b.
        var error = Assert.Throws<CliUsageException>(() => CommandLineCheck.Check(Model, [.. Words(command), option, "1", option + "=2"]));

        Assert.StartsWith($"option '{option}' is given twice", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("report", "--input", "a.jsonl", "--input", "b.jsonl", "--out", "o")]
    [InlineData("run", "--model", "sim/balanced", "--model", "sim/judge")]
    [InlineData("portal", "push", "--file", "s.jsonl", "--apply", "--apply")]
    public void Repeatable_options_and_flags_may_be_given_again(params string[] args) =>
        CommandLineCheck.Check(Model, args);

    [Fact]
    public async Task A_labeling_command_given_an_option_twice_exits_2_and_writes_nothing()
    {
        using var cwd = new TempDirectory();

        var result = await CliRun.InProcessAsync(cwd.Path, ["portal", "pull", "--dataset", "rent-v1", "--dataset", "aita", "--out", "x.jsonl"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: option '--dataset' is given twice: sycobench portal pull takes one value for it (only the last would be used)", result.Error.TrimEnd());
        Assert.Empty(Directory.EnumerateFileSystemEntries(cwd.Path));
    }

    [Fact]
    public void The_number_options_are_found()
    {
        // A guard against an empty theory below: the model must expose the options' types.
        Assert.Contains(NumberOptions(), row => (string)row[0] == "grid" && (string)row[1] == "--seed" && (string)row[2] == "a whole number");
        Assert.Contains(NumberOptions(), row => (string)row[0] == "report" && (string)row[1] == "--threshold" && (string)row[2] == "a number");
    }

    [Theory]
    [MemberData(nameof(NumberOptions))]
    public async Task A_value_that_is_not_a_number_exits_2_and_names_the_option(string command, string option, string kind)
    {
        using var cwd = new TempDirectory();

        var word = await CliRun.InProcessAsync(cwd.Path, [.. Words(command), option, "abc"]);
        var inline = await CliRun.InProcessAsync(cwd.Path, [.. Words(command), option + "=abc"]);

        Assert.Equal(2, word.ExitCode);
        Assert.Equal($"error: option '{option}' takes {kind} (got 'abc')", word.Error.TrimEnd());
        Assert.Equal(2, inline.ExitCode);
        Assert.Equal($"error: option '{option}' takes {kind} (got 'abc')", inline.Error.TrimEnd());
        Assert.Empty(Directory.EnumerateFileSystemEntries(cwd.Path));
    }

    [Theory]
    [InlineData("grid --seed 1.5 --sample 3", "error: option '--seed' takes a whole number (got '1.5')")]
    [InlineData("grid --limit 99999999999", "error: option '--limit' takes a whole number from -2147483648 to 2147483647 (got '99999999999')")]
    [InlineData("report --input a.jsonl --threshold 0,5", "error: option '--threshold' takes a number (got '0,5')")]
    public Task Values_seen_in_use_that_are_not_numbers_are_refused_naming_the_option(string commandLine, string expected) =>
        RefusedWithExit2(commandLine, expected);

    [Theory]
    [InlineData("run --max-cots 2", "error: unknown option '--max-cots' (did you mean '--max-cost'?)")]
    [InlineData("grid --limt 5", "error: unknown option '--limt' (did you mean '--limit'?)")]
    [InlineData("report --treshold 0.5", "error: unknown option '--treshold' (did you mean '--threshold'?)")]
    [InlineData("portal push --limit 10", "error: unknown option '--limit' (see 'sycobench portal push --help')")]
    [InlineData("grid --limit=5 --limt=3", "error: unknown option '--limt' (did you mean '--limit'?)")]
    [InlineData("gird", "error: unknown command 'gird' (did you mean 'grid'?)")]
    [InlineData("portal pusj", "error: unknown command 'pusj' (did you mean 'push'?)")]
    [InlineData("--verbose grid", "error: unknown option '--verbose' (see 'sycobench --help')")]
    [InlineData("grid --out", "error: option '--out' needs a value (PATH)")]
    public Task Misspellings_seen_in_use_are_refused_with_the_right_name(string commandLine, string expected) =>
        RefusedWithExit2(commandLine, expected);

    /// <summary>Runs <paramref name="commandLine"/> in an empty folder: exit code 2 and exactly <paramref name="expected"/> on stderr.</summary>
    private static async Task RefusedWithExit2(string commandLine, string expected)
    {
        using var cwd = new TempDirectory();

        var result = await CliRun.InProcessAsync(cwd.Path, commandLine.Split(' '));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(expected, result.Error.TrimEnd());
    }

    [Theory]
    [InlineData("grid", "--seed", "-1")]
    [InlineData("grid", "--out=-")]
    [InlineData("report", "--input", "a", "--threshold", "1e-1", "--seed=-3")]
    [InlineData("run", "--temperature", "NaN", "--max-cost", "0.5")]
    public void Negative_numbers_and_inline_values_are_values_not_options(params string[] args) =>
        CommandLineCheck.Check(Model, args);

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_help_example_parses_as_printed(string example)
    {
        // Copied from the help text into a shell, a value with a space becomes two words: that must still be valid.
        CommandLineCheck.Check(Model, example.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task The_help_examples_that_run_offline_run_as_printed_from_an_empty_folder()
    {
        // In the order a new user would try them: the grid, then a label database and its reviewers.
        string[] prefixes = ["grid", "run --plan", "portal init-db", "portal reviewers add", "portal status", "portal pull"];
        var examples = ExampleLines().ToList();
        var offline = prefixes.SelectMany(p => examples.Where(e => e == p || e.StartsWith(p + " ", StringComparison.Ordinal))).ToList();
        Assert.True(offline.Count >= 8, string.Join(" | ", offline));
        using var cwd = new TempDirectory();

        foreach (var example in offline)
        {
            var result = await CliRun.InProcessAsync(cwd.Path, example.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            Assert.True(result.ExitCode == 0, $"sycobench {example}: exit {result.ExitCode}: {result.Error}");
        }
    }

    private static string[] Words(string command) => command.Split(' ');

    private static ICommandInfo Find(string command)
    {
        ICommandContainer container = Model;
        ICommandInfo? found = null;
        foreach (var word in Words(command))
        {
            found = container.Commands.Single(c => c.Name == word);
            container = found;
        }

        return found!;
    }
}
