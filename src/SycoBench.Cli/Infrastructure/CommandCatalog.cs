using Spectre.Console.Cli.Help;
using Spectre.Console.Rendering;

namespace SycoBench.Cli;

/// <summary>
/// The configured command tree as data: every command, its options and arguments. The command-line check, the tests
/// that walk every command and the docs check all read this one model, so a new command is covered the day it is
/// registered.
/// </summary>
public static class CommandCatalog
{
    /// <summary>The model of the commands <paramref name="register"/> configures.</summary>
    public static ICommandModel Describe(Action<IConfigurator> register)
    {
        var capture = new ModelCapture();
        var app = new CommandApp();
        app.Configure(config =>
        {
            register(config);
            config.SetApplicationName(SycoBenchCli.ApplicationName);
            config.ConfigureConsole(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null) }));
            config.SetHelpProvider(capture);
        });
        app.Run(["--help"]);
        return capture.Model ?? throw new InvalidOperationException("the command model could not be read");
    }

    /// <summary>Every command and branch of the tree, parents before children, hidden ones left out.</summary>
    public static IEnumerable<ICommandInfo> All(ICommandContainer container)
    {
        foreach (var command in container.Commands.Where(c => !c.IsHidden))
        {
            yield return command;
            foreach (var child in All(command))
                yield return child;
        }
    }

    /// <summary>The words that name a command on the command line, e.g. ["portal", "reviewers", "add"].</summary>
    public static IReadOnlyList<string> PathOf(ICommandInfo command)
    {
        var path = new List<string>();
        for (var current = command; current is not null; current = current.Parent)
            path.Insert(0, current.Name);
        return path;
    }

    /// <summary>"sycobench portal reviewers add".</summary>
    public static string Title(ICommandInfo? command) =>
        command is null ? SycoBenchCli.ApplicationName : SycoBenchCli.ApplicationName + " " + string.Join(' ', PathOf(command));

    /// <summary>The options a command accepts: its own and those of the branches above it (not --help).</summary>
    public static IReadOnlyList<ICommandOption> OptionsOf(ICommandInfo? command)
    {
        var options = new List<ICommandOption>();
        for (var current = command; current is not null; current = current.Parent)
            options.InsertRange(0, current.Parameters.OfType<ICommandOption>());
        return options;
    }

    private sealed class ModelCapture : IHelpProvider
    {
        public ICommandModel? Model { get; private set; }

        public IEnumerable<IRenderable> Write(ICommandModel model, ICommandInfo? command)
        {
            Model = model;
            return [];
        }
    }
}
