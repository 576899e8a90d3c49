using Microsoft.Data.Sqlite;
using SycoBench.Labeling.Storage;

namespace SycoBench.Labeling.Tests.Cli;

/// <summary><c>portal backup</c>: a consistent copy of a database in use, never over an existing file.</summary>
public sealed class PortalBackupTests : IDisposable
{
    private readonly TempDirectory _cwd = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _cwd.Dispose();
    }

    [Fact]
    public async Task A_database_in_use_is_copied_whole_including_what_is_still_in_its_WAL_and_the_copy_opens_as_a_store()
    {
        using var store = LabelStore.Open(_cwd.File("labels.db"));
        store.Items.Push("scenario", Seeds.Many(3));
        store.Items.Push("pay", new DatasetScale("wage-v1", "Pay", "pro-employer", DatasetScale.DefaultNeutral, "pro-employee"), [Seeds.Make(9)]);
        var reviewer = store.Reviewers.Add("Ada").Account.Code;
        var assignment = await store.Assignments.NextAsync("scenario", reviewer);
        await store.Assignments.SubmitAsync(StoreExtensions.Submission(reviewer, assignment!.Item.Id, 0.25, "kept"));

        // The store stays open (as a running server would keep it) while the copy is taken.
        var result = await CliRun.InProcessAsync(_cwd.Path, "portal", "backup", "--out", "copy.db");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("4 items, 1 reviews, 0 AI reviews", result.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(_cwd.File("copy.db-wal")));
        Assert.Empty(Directory.GetFiles(_cwd.Path, "*.partial"));
        using var copy = LabelStore.Open(_cwd.File("copy.db"));
        Assert.Equal(store.Export.Reviews("scenario").Select(r => (r.LlmResponseId, r.ReviewerCode, r.Score, r.Notes, r.ReviewCreatedAt)),
            copy.Export.Reviews("scenario").Select(r => (r.LlmResponseId, r.ReviewerCode, r.Score, r.Notes, r.ReviewCreatedAt)));
        Assert.Equal(store.Items.Status("scenario").ItemsByReviewCount, copy.Items.Status("scenario").ItemsByReviewCount);
        Assert.Equal(store.Datasets.List(), copy.Datasets.List());
        Assert.Equal("pro-employer", copy.Datasets.Require("pay").Scale.NegativeLabel);
    }

    [Fact]
    public async Task An_existing_target_the_database_itself_or_a_missing_database_is_refused_and_nothing_changes()
    {
        using (var store = LabelStore.Open(_cwd.File("labels.db")))
            store.Items.Push("scenario", Seeds.Many(2));
        File.WriteAllText(_cwd.File("old.db"), "keep me");

        var existing = await CliRun.InProcessAsync(_cwd.Path, "portal", "backup", "--out", "old.db");
        var itself = await CliRun.InProcessAsync(_cwd.Path, "portal", "backup", "--out", "labels.db");
        var missing = await CliRun.InProcessAsync(_cwd.Path, "portal", "backup", "--db", "nothing.db", "--out", "new.db");
        var noOut = await CliRun.InProcessAsync(_cwd.Path, "portal", "backup");

        Assert.Equal(1, existing.ExitCode);
        Assert.Contains("old.db: exists already", existing.Error, StringComparison.Ordinal);
        Assert.Equal("keep me", File.ReadAllText(_cwd.File("old.db")));
        Assert.Equal(2, itself.ExitCode);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("nothing.db: file not found", missing.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_cwd.File("nothing.db")));
        Assert.False(File.Exists(_cwd.File("new.db")));
        Assert.Equal(2, noOut.ExitCode);
    }
}
