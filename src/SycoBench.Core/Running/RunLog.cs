using System.Globalization;

namespace SycoBench.Running;

public enum RunLogLevel
{
    Debug,
    Info,
    Warning,
    Error,
}

/// <summary>
/// run.log: timestamped lines of what the run did — start, retries, failures, stops. Thread-safe, flushed per line.
/// Only messages SycoBench writes itself go here (never a request body, header or key).
/// </summary>
public sealed class RunLog : IDisposable
{
    private readonly StreamWriter? _writer;
    private readonly TimeProvider _timeProvider;
    private readonly RunLogLevel _minimum;
    private readonly Lock _gate = new();

    public RunLog(string? path, RunLogLevel minimum, TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        _minimum = minimum;
        if (path is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            _writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read)) { AutoFlush = true };
        }
    }

    /// <summary>Reads LOG_LEVEL (DEBUG, INFO, WARNING, ERROR; default INFO).</summary>
    public static RunLogLevel ParseLevel(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        null or "" or "INFO" => RunLogLevel.Info,
        "DEBUG" or "TRACE" => RunLogLevel.Debug,
        "WARN" or "WARNING" => RunLogLevel.Warning,
        "ERROR" or "CRITICAL" => RunLogLevel.Error,
        _ => throw new InputException($"LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR, not '{value}'"),
    };

    public void Write(RunLogLevel level, string message)
    {
        if (_writer is null || level < _minimum)
            return;
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{_timeProvider.GetUtcNow():yyyy-MM-ddTHH:mm:ss.fffZ} {Name(level),-5} {message}");
        lock (_gate)
            _writer.WriteLine(line);
    }

    public void Info(string message) => Write(RunLogLevel.Info, message);

    public void Warn(string message) => Write(RunLogLevel.Warning, message);

    public void Debug(string message) => Write(RunLogLevel.Debug, message);

    public void Dispose() => _writer?.Dispose();

    private static string Name(RunLogLevel level) => level switch
    {
        RunLogLevel.Debug => "DEBUG",
        RunLogLevel.Info => "INFO",
        RunLogLevel.Warning => "WARN",
        _ => "ERROR",
    };
}
