using SycoBench.Cli.Commands;
using SycoBench.Cli.Commands.Labeling;

namespace SycoBench.Cli;

/// <summary>The command-line application: commands, and the one place where failures become messages and exit codes.</summary>
public static class SycoBenchCli
{
    public const int ExitOk = 0;
    public const int ExitFailure = 1;
    public const int ExitUsage = 2;

    /// <summary>The work stopped early or some items failed; what was done is kept and the work can be resumed.</summary>
    public const int ExitIncomplete = 3;
    public const int ExitCancelled = 130;

    public const string ApplicationName = "sycobench";

    public static async Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken = default)
    {
        // Data from files never reaches the terminal as control sequences, whichever command prints it.
        var (safe, hook) = TerminalSafety.Attach(environment);
        using (hook)
            return await RunSafelyAsync(args, safe, cancellationToken);
    }

    private static async Task<int> RunSafelyAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.Settings.Registrar.RegisterInstance(environment);
            config.Settings.Registrar.RegisterInstance(environment.Console);
            config.SetApplicationName(ApplicationName);
            config.ConfigureConsole(environment.Console);
            config.PropagateExceptions();
            config.UseStrictParsing();
            RegisterCommands(config);
        });

        try
        {
            CommandLineCheck.Check(Describe(), args);
            return await app.RunAsync(args, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            environment.Error.WriteLine("cancelled");
            return ExitCancelled;
        }
        catch (Exception ex) when (ex is CommandAppException or CliUsageException)
        {
            environment.Error.WriteLine("error: " + OneLine(ex.Message));
            return ExitUsage;
        }
        catch (Exception ex) when (IsUserFacing(ex))
        {
            environment.Error.WriteLine("error: " + OneLine(ex.Message));
            return ExitFailure;
        }
    }

    /// <summary>The configured commands as data (names, options, arguments, examples), for checks and docs.</summary>
    public static Spectre.Console.Cli.Help.ICommandModel Describe() => CommandCatalog.Describe(RegisterCommands);

    private static void RegisterCommands(IConfigurator config)
    {
        GridCommand.Register(config);
        RunCommand.Register(config);
        ScoreCommand.Register(config);
        SimCommands.Register(config);
        ScorerTrainCommand.Register(config);
        LabelingCommands.Register(config);
        ReportCommand.Register(config);
        ViewCommand.Register(config);
        DemoCommand.Register(config);
        CacheCommands.Register(config);
        MergeCommand.Register(config);
        StudyCommands.Register(config);
    }

    private static bool IsUserFacing(Exception ex) =>
        ex is InputException or IOException or UnauthorizedAccessException or InvalidDataException or FormatException
            or System.Text.Json.JsonException or ArgumentException or System.Data.Common.DbException;

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
