using System.Diagnostics;
using Spectre.Console;
using SycoBench.Cli;

namespace SycoBench.Testing;

internal sealed record CliResult(int ExitCode, string Output, string Error);

/// <summary>Runs the command line in-process, or as the real <c>sycobench</c> program in a child process.</summary>
internal static class CliRun
{
    public static Task<CliResult> InProcessAsync(string workingDirectory, params string[] args) =>
        InProcessAsync(workingDirectory, new Dictionary<string, string>(), CancellationToken.None, args);

    /// <summary>Runs with only <paramref name="variables"/> as environment (never the test process's own).</summary>
    public static Task<CliResult> InProcessAsync(
        string workingDirectory, IReadOnlyDictionary<string, string> variables, CancellationToken cancellationToken, params string[] args) =>
        InProcessAsync(workingDirectory, variables, [], cancellationToken, args);

    /// <summary>
    /// Options of the report step for <c>study run</c> and <c>demo</c> in tests that never read a study's charts: SVG
    /// only, without the 300 dpi PNG charts (about 1.5 s of processor time for the four of a demo's report).
    /// </summary>
    public static readonly IReadOnlyList<string> SvgCharts = ["--format", "svg"];

    /// <summary>
    /// As above, with <paramref name="studyReportArguments"/> added to the report step of <c>study run</c> and
    /// <c>demo</c> (<see cref="CliEnvironment.StudyReportArguments"/>; <see cref="SvgCharts"/>).
    /// </summary>
    public static async Task<CliResult> InProcessAsync(
        string workingDirectory, IReadOnlyDictionary<string, string> variables, IReadOnlyList<string> studyReportArguments,
        CancellationToken cancellationToken, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 200;
        var environment = new CliEnvironment(console, error, workingDirectory)
        {
            Variables = name => variables.TryGetValue(name, out var value) ? value : null,
            Interactive = false,
            StudyReportArguments = studyReportArguments,
        };
        var code = await SycoBenchCli.RunAsync(args, environment, cancellationToken);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    public static async Task<CliResult> ProcessAsync(string workingDirectory, params string[] args)
    {
        using var process = Start(workingDirectory, new Dictionary<string, string?>(), args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts the real program; the caller reads or kills it. A null value removes that variable.</summary>
    public static Process Start(string workingDirectory, IReadOnlyDictionary<string, string?> variables, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "sycobench.dll"));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        foreach (var (name, value) in variables)
        {
            if (value is null)
                start.Environment.Remove(name);
            else
                start.Environment[name] = value;
        }
        return Process.Start(start)!;
    }
}
