using System.Text.Json.Serialization.Metadata;
using SycoBench.Records;

namespace SycoBench.Cli;

/// <summary>
/// How a command reads the files it is given, one way for every command: the file must exist ("FILE: file not found"
/// otherwise); a JSONL file someone wrote by hand or by script is read strictly, and SycoBench's own run and scored
/// files the way every reader of records reads them.
/// </summary>
internal static class InputFiles
{
    /// <summary>The full path of an input file the user named.</summary>
    public static string Require(CliEnvironment environment, string file)
    {
        var path = environment.Resolve(file);
        return File.Exists(path) ? path : throw new InputException($"{file}: file not found");
    }

    /// <summary>Every line of a JSONL file; the first line that is not a valid record stops the command, named by file and line.</summary>
    public static IEnumerable<JsonlEntry<T>> ReadEveryLine<T>(CliEnvironment environment, string file, JsonTypeInfo<T> type, CancellationToken cancellationToken) =>
        JsonlReader.Read(Require(environment, file), type, issue => throw new InputException($"{file}:{issue.LineNumber}: {issue.Message}"), cancellationToken);

    /// <summary>
    /// The records of a run file: a line that is not a record is warned about and skipped, and of records sharing a key
    /// the latest is used, with the one notice every reader prints.
    /// </summary>
    public static IReadOnlyList<RunRecord> ReadRun(CliEnvironment environment, string file, CancellationToken cancellationToken) =>
        Latest(environment, file, LatestPerKey.Of(ReadWarning(environment, file, RecordJsonContext.Default.RunRecord, cancellationToken)));

    /// <summary>The records of a scored file, read as <see cref="ReadRun"/> reads a run file.</summary>
    public static IReadOnlyList<EvalRecord> ReadScored(CliEnvironment environment, string file, CancellationToken cancellationToken) =>
        Latest(environment, file, LatestPerKey.Of(ReadWarning(environment, file, RecordJsonContext.Default.EvalRecord, cancellationToken)));

    private static List<T> ReadWarning<T>(CliEnvironment environment, string file, JsonTypeInfo<T> type, CancellationToken cancellationToken) =>
        JsonlReader.Read(Require(environment, file), type, issue => environment.Warn(issue.ToString()), cancellationToken).Select(e => e.Value).ToList();

    private static IReadOnlyList<T> Latest<T>(CliEnvironment environment, string file, LatestRecords<T> latest)
    {
        if (latest.Notice(file) is { } notice)
            environment.Warn(notice);
        return latest.Records;
    }
}
