using Microsoft.Data.Sqlite;
using SycoBench.Labeling.Storage;
using SycoBench.Reviews;

namespace SycoBench.Labeling.Tests.Cli;

/// <summary><c>portal migrate</c>: a whole store from SQLite to PostgreSQL and back, losing nothing.</summary>
public sealed class PortalMigrateTests : IDisposable
{
    private readonly TempDirectory _cwd = new();
    private readonly PostgresDatabase _postgres = PostgresCluster.Instance.CreateDatabase();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _postgres.Dispose();
        _cwd.Dispose();
    }

    private static async Task FillAsync(LabelStore store)
    {
        store.Items.Push("scenario", Seeds.Many(5));
        store.Items.Push("aita", [Seeds.Make(1, runId: null, response: "YTA, and here is why — 'quoted' \"text\" ✓")]);
        store.Items.Push("wage-v1", new DatasetScale("wage-v1", "Pay raise request (version 1)", "pro-employer", DatasetScale.DefaultNeutral, "pro-employee"), [Seeds.Make(2)]);
        var ada = store.Reviewers.Add("Ada").Account.Code;
        var bob = store.Reviewers.Add("Bob").Account.Code;
        store.Reviewers.StartSession(ada);
        foreach (var reviewer in new[] { ada, bob })
        {
            for (var i = 0; i < 3; i++)
            {
                var next = await store.Assignments.NextAsync("scenario", reviewer);
                Assert.Equal(SubmitStatus.Stored, (await store.Assignments.SubmitAsync(StoreExtensions.Submission(reviewer, next!.Item.Id, -0.25 + i * 0.3, i == 1 ? "a note" : null))).Status);
            }
        }

        var held = await store.Assignments.NextAsync("scenario", ada);
        await store.Assignments.SubmitAsync(ReviewSubmission.CannotJudgeItem(ada, held!.Item.Id, "cj-1", "cannot tell"));
        await store.Assignments.NextAsync("scenario", bob);   // a live lease
        var aita = store.Items.List("aita").Single();
        store.AiReviews.Add([new AiReview(aita.Id, "llm:sim/judge", 0.5, "AI note") { SubmissionId = "ai-1" }]);
    }

    [Fact]
    public async Task Sqlite_to_postgres_to_sqlite_loses_nothing_compared_as_exports()
    {
        using (var store = LabelStore.Open(_cwd.File("labels.db")))
            await FillAsync(store);

        var toPostgres = await CliRun.InProcessAsync(_cwd.Path, "portal", "migrate", "--from", "labels.db", "--to", _postgres.ConnectionString);
        Assert.True(toPostgres.ExitCode == 0, toPostgres.Error + toPostgres.Output);
        Assert.Contains("reviews", toPostgres.Output, StringComparison.Ordinal);
        var back = await CliRun.InProcessAsync(_cwd.Path, "portal", "migrate", "--from", _postgres.ConnectionString, "--to", "back.db");
        Assert.True(back.ExitCode == 0, back.Error + back.Output);

        foreach (var (db, name) in new[] { ("labels.db", "original"), (_postgres.ConnectionString, "postgres"), ("back.db", "back") })
        {
            foreach (var format in new[] { "jsonl", "csv" })
            {
                var pull = await CliRun.InProcessAsync(_cwd.Path, "portal", "pull", "--db", db, "--dataset", "all", "--format", format, "--out", $"{name}.{format}");
                Assert.True(pull.ExitCode == 0, pull.Error);
            }
        }

        foreach (var format in new[] { "jsonl", "csv" })
        {
            var original = File.ReadAllText(_cwd.File("original." + format));
            Assert.Contains("llm:sim/judge", original, StringComparison.Ordinal);
            Assert.Equal(original, File.ReadAllText(_cwd.File("postgres." + format)));
            Assert.Equal(original, File.ReadAllText(_cwd.File("back." + format)));
        }

        using var first = LabelStore.Open(_cwd.File("labels.db"));
        using var copy = LabelStore.Open(_cwd.File("back.db"));
        using var hosted = LabelStore.Open(LabelStoreLocation.Postgres(_postgres.ConnectionString));
        foreach (var store in new[] { copy, hosted })
        {
            Assert.Equal(Status(first), Status(store));
            Assert.Equal(first.Reviewers.List(), store.Reviewers.List());
            Assert.Equal(first.Datasets.List(), store.Datasets.List());
            Assert.Equal("pro-employee", store.Datasets.Require("wage-v1").Scale.PositiveLabel);
            Assert.Equal(first.Items.List(null).Select(i => (i.Id, i.Identifier, i.PromptBody, i.ResponseText, i.CreatedAt)),
                store.Items.List(null).Select(i => (i.Id, i.Identifier, i.PromptBody, i.ResponseText, i.CreatedAt)));
        }

        // New rows in the copy get fresh ids after the copied ones.
        var added = hosted.Items.Push("scenario", [Seeds.Make(99)]);
        Assert.Single(added.New);
        Assert.Equal(first.Items.List(null).Max(i => i.Id) + 1, hosted.Items.List("scenario").Max(i => i.Id));
    }

    private static string Status(LabelStore store) =>
        string.Join(" | ", new[] { "scenario", "aita" }.Select(d => store.Items.Status(d)).Select(s =>
            $"{s.Items} [{string.Join(',', s.ItemsByReviewCount)}] {s.Reviews} {s.Reviewers} {s.LiveLeases} {s.Coverage:R} {s.AiReviews} {s.AiReviewers} {s.CannotJudge}"));

    [Fact]
    public async Task A_target_holding_data_the_same_store_or_a_missing_source_is_refused_and_nothing_changes()
    {
        using (var store = LabelStore.Open(_cwd.File("labels.db")))
            await FillAsync(store);
        using (var other = LabelStore.Open(_cwd.File("other.db")))
            other.Items.Push("scenario", Seeds.Many(1));

        var intoFull = await CliRun.InProcessAsync(_cwd.Path, "portal", "migrate", "--from", "labels.db", "--to", "other.db");
        var itself = await CliRun.InProcessAsync(_cwd.Path, "portal", "migrate", "--from", "labels.db", "--to", "labels.db");
        var missing = await CliRun.InProcessAsync(_cwd.Path, "portal", "migrate", "--from", "nothing.db", "--to", "new.db");
        var notAStore = await CliRun.InProcessAsync(_cwd.Path, "portal", "migrate", "--from", "labels.db", "--to", "notes.txt");

        Assert.Equal(2, intoFull.ExitCode);
        Assert.Contains("holds a label store with data already", intoFull.Error, StringComparison.Ordinal);
        using (var other = LabelStore.Open(_cwd.File("other.db")))
            Assert.Equal(1, other.Items.Status("scenario").Items);
        Assert.Equal(2, itself.ExitCode);
        Assert.Equal(1, missing.ExitCode);
        Assert.False(File.Exists(_cwd.File("nothing.db")));
        Assert.False(File.Exists(_cwd.File("new.db")));

        File.WriteAllText(_cwd.File("notes.txt"), "keep me");
        notAStore = await CliRun.InProcessAsync(_cwd.Path, "portal", "migrate", "--from", "labels.db", "--to", "notes.txt");
        Assert.Equal(2, notAStore.ExitCode);
        Assert.Equal("keep me", File.ReadAllText(_cwd.File("notes.txt")));

        // Into PostgreSQL once, then again: the second finds the database holding data.
        var first = await CliRun.InProcessAsync(_cwd.Path, "portal", "migrate", "--from", "labels.db", "--to", _postgres.ConnectionString);
        var again = await CliRun.InProcessAsync(_cwd.Path, "portal", "migrate", "--from", "labels.db", "--to", _postgres.ConnectionString);
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(2, again.ExitCode);
    }

    [Fact]
    public void The_copier_knows_every_table_of_a_new_store_on_both_backends()
    {
        using var sqlite = LabelStore.Open(_cwd.File("fresh.db"));
        using var postgres = LabelStore.Open(LabelStoreLocation.Postgres(_postgres.ConnectionString));
        var known = LabelStoreCopier.Tables.Select(t => t.Table).Append("schema_migrations").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(known, sqlite.Database.TableNames().Order(StringComparer.Ordinal).ToList());
        Assert.Equal(known, postgres.Database.TableNames().Order(StringComparer.Ordinal).ToList());
    }
}
