using SycoBench.Running;

namespace SycoBench.Cli;

/// <summary>What an existing file is, judged from its name, its folder and its first bytes (never its extension alone).</summary>
internal static class FileKinds
{
    /// <summary>The log score appends to beside its output.</summary>
    public const string ScoreLog = "score.log";

    private static readonly byte[] SqliteHeader = "SQLite format 3\0"u8.ToArray();
    private static readonly string[] SqliteCompanionSuffixes = ["-wal", "-shm", "-journal"];

    public static bool IsSqliteDatabase(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            Span<byte> header = stackalloc byte[16];
            return stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) == header.Length && header.SequenceEqual(SqliteHeader);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>labels.db-wal, labels.db-shm, labels.db-journal beside a SQLite database.</summary>
    public static bool IsSqliteCompanion(string path) =>
        SqliteCompanionSuffixes.FirstOrDefault(s => path.EndsWith(s, StringComparison.Ordinal)) is { } suffix
        && IsSqliteDatabase(path[..^suffix.Length]);

    /// <summary>
    /// The run folder (a folder holding run_grid.json) whose records, manifest or log <paramref name="path"/> names, or
    /// null. Scored files (<c>*.jsonl</c> other than run.jsonl, and score.log) count too unless <paramref name="allowScored"/>.
    /// </summary>
    public static string? RunFolderDataFile(string path, bool allowScored)
    {
        var directory = Path.GetDirectoryName(path);
        if (directory is null || !System.IO.File.Exists(Path.Combine(directory, RunFolder.ManifestFile)))
            return null;
        var name = Path.GetFileName(path);
        var isRunData = name is RunFolder.ManifestFile or RunFolder.RecordsFile or RunFolder.LogFile;
        var isScored = !isRunData && (name.EndsWith(".jsonl", StringComparison.Ordinal) || name == ScoreLog) && System.IO.File.Exists(path);
        return isRunData || (isScored && !allowScored) ? directory : null;
    }
}
