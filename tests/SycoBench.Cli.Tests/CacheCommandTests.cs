using Microsoft.Data.Sqlite;
using SycoBench.Simulator;

namespace SycoBench.Cli.Tests;

/// <summary><c>cache stats|clear|path</c> on caches that run and score filled against the simulator, and on files that are not caches.</summary>
public sealed class CacheCommandTests
{
    [Fact]
    public async Task Stats_counts_entries_and_hits_per_model_and_clear_removes_them_and_says_so()
    {
        await using var sim = await Sim.StartAsync(new SimOptions { Seed = 2 });
        using var cwd = new TempDirectory();
        Sim.WriteGrid(cwd);
        var variables = Sim.Variables(sim);
        await CliRun.InProcessAsync(cwd.Path, variables, default, "run", "--model", "sim/balanced", "--limit", "12", "--out", "first");
        await CliRun.InProcessAsync(cwd.Path, variables, default, "score", "--input", "first/run.jsonl", "-s", "sim/judge", "--no-aggregate");
        // The same keys again: every answer comes from the cache, and each is a hit.
        await CliRun.InProcessAsync(cwd.Path, variables, default, "run", "--model", "sim/balanced", "--limit", "12", "--out", "second");

        var stats = await CliRun.InProcessAsync(cwd.Path, "cache", "stats");
        var path = await CliRun.InProcessAsync(cwd.Path, "cache", "path");
        var cleared = await CliRun.InProcessAsync(cwd.Path, "cache", "clear");
        var after = await CliRun.InProcessAsync(cwd.Path, "cache", "stats");

        Assert.True(stats.ExitCode == 0, stats.Output + stats.Error);
        Assert.Contains("Response cache outputs/cache/responses.db: 24 entries", stats.Output, StringComparison.Ordinal);
        Assert.Matches(@"sim/balanced\s*│\s*12\s*│\s*12\s*│", stats.Output);
        Assert.Matches(@"sim/judge\s*│\s*12\s*│\s*0\s*│", stats.Output);
        Assert.Contains("Oldest entry 20", stats.Output, StringComparison.Ordinal);
        Assert.Contains("counted since", stats.Output, StringComparison.Ordinal);
        Assert.Equal(cwd.File("outputs/cache/responses.db"), path.Output.Trim());
        Assert.Equal(SycoBenchCli.ExitOk, cleared.ExitCode);
        Assert.Contains("Removed 24 entries from outputs/cache/responses.db (sim/balanced: 12, sim/judge: 12)", cleared.Output, StringComparison.Ordinal);
        Assert.Contains("outputs/cache/responses.db: 0 entries", after.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_cache_is_said_and_never_created_and_other_files_and_unknown_options_are_refused()
    {
        using var cwd = new TempDirectory();
        File.WriteAllText(cwd.File("notes.db"), "not a database");
        using (var other = new SqliteConnection($"Data Source={cwd.File("labels.db")};Pooling=False"))
        {
            other.Open();
            using var command = other.CreateCommand();
            command.CommandText = "CREATE TABLE reviews (id INTEGER)";
            command.ExecuteNonQuery();
        }

        var missing = await CliRun.InProcessAsync(cwd.Path, "cache", "stats");
        var clearMissing = await CliRun.InProcessAsync(cwd.Path, "cache", "clear");
        var notSqlite = await CliRun.InProcessAsync(cwd.Path, "cache", "clear", "--cache", "notes.db");
        var otherDb = await CliRun.InProcessAsync(cwd.Path, "cache", "clear", "--cache", "labels.db");
        var unknown = await CliRun.InProcessAsync(cwd.Path, "cache", "stats", "--cahce", "x.db");

        Assert.Equal(SycoBenchCli.ExitOk, missing.ExitCode);
        Assert.Contains("No response cache at outputs/cache/responses.db: nothing cached yet.", missing.Output, StringComparison.Ordinal);
        Assert.Contains("nothing to clear", clearMissing.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(cwd.File("outputs")));
        Assert.Equal(SycoBenchCli.ExitUsage, notSqlite.ExitCode);
        Assert.Contains("is not a SQLite database", notSqlite.Error, StringComparison.Ordinal);
        Assert.Equal("not a database", File.ReadAllText(cwd.File("notes.db")));
        Assert.Equal(SycoBenchCli.ExitFailure, otherDb.ExitCode);
        Assert.Contains("labels.db is not a SycoBench response cache", otherDb.Error, StringComparison.Ordinal);
        Assert.Equal(SycoBenchCli.ExitUsage, unknown.ExitCode);
        Assert.Contains("--cahce", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cache_written_before_hits_were_counted_shows_them_as_unknown_never_zero()
    {
        using var cwd = new TempDirectory();
        using (var old = new SqliteConnection($"Data Source={cwd.File("old.db")};Pooling=False"))
        {
            old.Open();
            using var command = old.CreateCommand();
            command.CommandText = """
                CREATE TABLE responses (cache_key TEXT PRIMARY KEY, model_id TEXT NOT NULL, created_utc TEXT NOT NULL, answer TEXT NOT NULL);
                INSERT INTO responses VALUES ('k1', 'groq/x', '2025-10-11T05:00:00.0000000+00:00', '{"text":"a"}');
                INSERT INTO responses VALUES ('k2', 'groq/x', '2025-10-12T05:00:00.0000000+00:00', '{"text":"b"}');
                """;
            command.ExecuteNonQuery();
        }

        var stats = await CliRun.InProcessAsync(cwd.Path, "cache", "stats", "--cache", "old.db");

        Assert.True(stats.ExitCode == 0, stats.Output + stats.Error);
        Assert.Contains("old.db: 2 entries", stats.Output, StringComparison.Ordinal);
        Assert.Contains("Oldest entry 2025-10-11 05:00:00 UTC, newest 2025-10-12 05:00:00 UTC.", stats.Output, StringComparison.Ordinal);
        Assert.Matches(@"groq/x\s*│\s*2\s*│\s*unknown\s*│", stats.Output);
        Assert.Contains("Hits: unknown", stats.Output, StringComparison.Ordinal);
    }
}
