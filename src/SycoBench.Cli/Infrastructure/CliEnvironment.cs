namespace SycoBench.Cli;

/// <summary>
/// What a command may touch outside its settings: the console, the error stream, the working directory, the
/// environment variables and the clock.
/// </summary>
public sealed record CliEnvironment(IAnsiConsole Console, TextWriter Error, string WorkingDirectory)
{
    /// <summary>Environment variables (API keys, BENCH_TIMEOUT_S …); tests give their own instead of the process's.</summary>
    public Func<string, string?> Variables { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>The clock of every timestamp, timeout, retry wait and rate limit; tests give a fake one.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Whether live progress can be drawn (a terminal); otherwise progress is printed as plain periodic lines.</summary>
    public bool Interactive { get; init; } = !System.Console.IsOutputRedirected && Console.Profile.Capabilities.Interactive;

    /// <summary>
    /// The study file the command runs for (set by <c>study run</c> for its stages): its hash goes into run_grid.json,
    /// score.log, stats.json and report.html. Null when a command is run alone.
    /// </summary>
    public Studies.StudyStamp? Study { get; init; }

    /// <summary>
    /// Arguments added to the report step of <c>study run</c> and <c>demo</c>; none for a user (no option or variable
    /// sets them). In-process tests that never read a study's charts ask for SVG charts only, as their own report
    /// commands do: drawing the four 300 dpi PNG charts is most of a report's processor time.
    /// </summary>
    public IReadOnlyList<string> StudyReportArguments { get; init; } = [];

    /// <summary>Resolves a path given on the command line against the working directory.</summary>
    public string Resolve(string path) => Path.GetFullPath(path, WorkingDirectory);

    /// <summary>A path for messages: relative to the working directory when it lies inside it.</summary>
    public string Display(string path)
    {
        var full = Resolve(path);
        var relative = Path.GetRelativePath(WorkingDirectory, full);
        return relative.StartsWith("..", StringComparison.Ordinal) ? full : relative;
    }

    public void Warn(string message) => Error.WriteLine("warning: " + message);
}
