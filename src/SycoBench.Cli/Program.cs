using System.Runtime.InteropServices;
using SycoBench.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C stops cleanly (the work can be resumed); a second one ends the process at once.
    e.Cancel = !cancellation.IsCancellationRequested;
    cancellation.Cancel();
};

// SIGTERM (kill, a container stopping) stops as cleanly as Ctrl+C.
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    cancellation.Cancel();
});

return await SycoBenchCli.RunAsync(args, new CliEnvironment(AnsiConsole.Console, Console.Error, Environment.CurrentDirectory), cancellation.Token);
