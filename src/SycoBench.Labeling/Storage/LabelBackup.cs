using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SycoBench.Labeling.Storage;

/// <summary>
/// A consistent copy of a SQLite label database while it is in use (a running server keeps writing): SQLite's online
/// backup API copies every page inside one read transaction, so the copy is the database as of one commit. The source
/// is opened read-only and never migrated; the copy is written beside the target under a temporary name, checked, and
/// then moved into place, so an interrupted backup leaves no half-written file at the target, and an existing file is
/// never replaced.
/// </summary>
public static class LabelBackup
{
    public static LabelBackupResult Backup(string sourcePath, string targetPath)
    {
        if (!File.Exists(sourcePath))
            throw new InputException($"{sourcePath}: file not found");
        if (File.Exists(targetPath) || Directory.Exists(targetPath))
            throw new InputException($"{targetPath}: exists already; a backup never replaces a file (choose a new name)");
        var folder = Path.GetDirectoryName(Path.GetFullPath(targetPath))!;
        if (!Directory.Exists(folder))
            throw new InputException($"{targetPath}: the folder {folder} does not exist");

        var temporary = Path.Combine(folder, "." + Path.GetFileName(targetPath) + "." + Guid.NewGuid().ToString("N")[..8] + ".partial");
        try
        {
            using (var source = new SqliteConnection(new SqliteConnectionStringBuilder
            { DataSource = sourcePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false, DefaultTimeout = 5 }.ToString()))
            using (var target = new SqliteConnection(new SqliteConnectionStringBuilder
            { DataSource = temporary, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString()))
            {
                source.Open();
                if (Sql.Scalar(source, null, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'") is null)
                    throw new InputException($"{sourcePath}: not a SycoBench label database (no schema_migrations table)");
                target.Open();
                source.BackupDatabase(target);
                // One self-contained file: the copy does not need a WAL beside it.
                Sql.Execute(target, null, "PRAGMA journal_mode = DELETE");
                var check = Convert.ToString(Sql.Scalar(target, null, "PRAGMA quick_check"), CultureInfo.InvariantCulture);
                if (check != "ok")
                    throw new InputException($"{sourcePath}: the copy failed SQLite's check ({check}); nothing was written to {targetPath}");
            }

            File.Move(temporary, targetPath, overwrite: false);
        }
        catch (SqliteException ex)
        {
            throw new InputException($"{sourcePath}: cannot be copied ({ex.Message}); nothing was written to {targetPath}", ex);
        }
        finally
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }

        using var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = targetPath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        copy.Open();
        long Count(string table, string countSql) =>
            Sql.Scalar(copy, null, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = @t", ("@t", table)) is null ? 0 : Sql.Long(copy, null, countSql);
        var version = Convert.ToInt32(Sql.Scalar(copy, null, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations"), CultureInfo.InvariantCulture);
        return new LabelBackupResult(
            Count("llm_responses", "SELECT COUNT(*) FROM llm_responses"), Count("reviews", "SELECT COUNT(*) FROM reviews"),
            Count("ai_reviews", "SELECT COUNT(*) FROM ai_reviews"), version, new FileInfo(targetPath).Length);
    }
}

/// <summary>What the copy holds: items, people's reviews, AI reviews, its schema version and its size.</summary>
public sealed record LabelBackupResult(long Items, long Reviews, long AiReviews, int SchemaVersion, long Bytes);
