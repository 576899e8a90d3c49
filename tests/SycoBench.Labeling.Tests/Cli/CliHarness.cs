using System.Diagnostics;
using Spectre.Console;
using SycoBench.Cli;

namespace SycoBench.Labeling.Tests.Cli;

internal sealed record CliResult(int ExitCode, string Output, string Error);

/// <summary>Runs the <c>sycobench</c> command line in-process, or starts the real program as a child process.</summary>
internal static class CliHarness
{
    public static async Task<CliResult> RunAsync(string workingDirectory, params string[] args)
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
        var code = await SycoBenchCli.RunAsync(args, new CliEnvironment(console, error, workingDirectory));
        return new CliResult(code, output.ToString(), error.ToString());
    }

    public static Process Start(string workingDirectory, params string[] args) => StartWithAdminToken(workingDirectory, null, args);

    /// <summary>Starts the program with <c>SYCOBENCH_ADMIN_TOKEN</c> set to <paramref name="adminTokenVariable"/> (unset when null).</summary>
    public static Process StartWithAdminToken(string workingDirectory, string? adminTokenVariable, params string[] args)
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
        start.Environment.Remove("SYCOBENCH_ADMIN_TOKEN");
        if (adminTokenVariable is not null)
            start.Environment["SYCOBENCH_ADMIN_TOKEN"] = adminTokenVariable;
        return Process.Start(start)!;
    }
}
