using System.Diagnostics;
using SycoBench.Reporting;

namespace SycoBench.Cli.Commands;

/// <summary>
/// <c>sycobench view RUN</c>: opens a report's transcripts.html in a browser — the one named by <c>BROWSER</c>, else
/// <c>xdg-open</c> when a desktop session is there — or prints its path when there is none, so it never waits on a
/// browser that cannot start (CI, SSH).
/// </summary>
public sealed class ViewCommand(CliEnvironment environment) : Command<ViewCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<RUN>")]
        [Description("A report folder, a run folder (or its report/ subfolder, as the demo writes it), transcripts.html itself, or the scored run file the report was written beside.")]
        public string Run { get; init; } = "";

        [CommandOption("--print")]
        [Description("Print the page's path and file:// address; open no browser.")]
        public bool Print { get; init; }
    }

    public static void Register(IConfigurator config) =>
        config.AddCommand<ViewCommand>("view")
            .WithDescription("Open transcripts.html (every answer, triplet by triplet) in a browser, or print its path when there is none.")
            .WithExample("view", "outputs/runs/1760158358")
            .WithExample("view", "demo/report", "--print");

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var page = Locate(environment.Resolve(settings.Run));
        var address = new Uri(page).AbsoluteUri;
        var console = environment.Console;
        if (!settings.Print && Browser() is { } browser)
        {
            var (file, arguments) = browser;
            try
            {
                var start = new ProcessStartInfo(file) { UseShellExecute = false };
                foreach (var argument in arguments)
                    start.ArgumentList.Add(argument.Replace("%s", address, StringComparison.Ordinal));
                if (!arguments.Any(a => a.Contains("%s", StringComparison.Ordinal)))
                    start.ArgumentList.Add(address);
                using var process = Process.Start(start) ?? throw new InvalidOperationException("no process started");

                // As Python's webbrowser and git do: wait for the opener (xdg-open and most browsers hand the page to a
                // running instance and return at once).
                process.WaitForExit();
                if (process.ExitCode == 0)
                {
                    console.MarkupLineInterpolated($"Opened [green]{environment.Display(page)}[/] with {file}.");
                    return SycoBenchCli.ExitOk;
                }

                environment.Warn($"{file} ended with exit code {process.ExitCode}; open the page yourself");
            }
            catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
            {
                environment.Warn($"could not start {file} ({ex.Message}); open the page yourself");
            }
        }

        console.WriteLine(environment.Display(page));
        console.WriteLine(address);
        return SycoBenchCli.ExitOk;
    }

    /// <summary>transcripts.html for what the user named: the page itself, a folder holding it (or a report/ subfolder that does), or a file beside it.</summary>
    private string Locate(string target)
    {
        string folder;
        if (File.Exists(target))
        {
            if (string.Equals(Path.GetFileName(target), ReportFiles.Transcripts, StringComparison.Ordinal))
                return target;
            folder = Path.GetDirectoryName(target)!;
        }
        else if (Directory.Exists(target))
        {
            folder = target;
        }
        else
        {
            throw new InputException($"{environment.Display(target)}: not found");
        }

        foreach (var candidate in new[] { Path.Combine(folder, ReportFiles.Transcripts), Path.Combine(folder, "report", ReportFiles.Transcripts) })
        {
            if (File.Exists(candidate))
                return candidate;
        }

        var scored = Path.Combine(folder, "run_scored.jsonl");
        var hint = File.Exists(scored)
            ? $"; write it with: sycobench report --input {environment.Display(scored)}"
            : "; sycobench report writes it beside report.html";
        throw new InputException($"{environment.Display(folder)}: no {ReportFiles.Transcripts} here{hint}");
    }

    /// <summary>
    /// The browser command: the first entry of <c>BROWSER</c> (a ':'-separated list; "%s" stands for the address) that
    /// exists, else <c>xdg-open</c> when a display is set; null when neither.
    /// </summary>
    private (string File, IReadOnlyList<string> Arguments)? Browser()
    {
        if (environment.Variables("BROWSER") is { Length: > 0 } browsers)
        {
            foreach (var entry in browsers.Split(':', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var words = entry.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (FindExecutable(words[0]) is { } file)
                    return (file, words[1..]);
            }
        }

        var display = environment.Variables("DISPLAY") is { Length: > 0 } || environment.Variables("WAYLAND_DISPLAY") is { Length: > 0 };
        return display && FindExecutable("xdg-open") is { } opener ? (opener, []) : null;
    }

    private string? FindExecutable(string name)
    {
        if (name.Contains('/', StringComparison.Ordinal))
        {
            var path = environment.Resolve(name);
            return File.Exists(path) ? path : null;
        }

        foreach (var folder in (environment.Variables("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var path = Path.Combine(folder, name);
            if (File.Exists(path))
                return path;
        }

        return null;
    }
}
