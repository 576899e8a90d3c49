using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using SycoBench.Labeling.Storage;
using SycoBench.Reviews;
using SycoBench.Scenarios;

namespace SycoBench.Labeling.Tests.Cli;

/// <summary>
/// A team's database from the original tool, built here from its schema file and its AITA seed, with people's and
/// AI reviews, goes through <c>portal import-legacy</c> and comes out of the export review for review.
/// </summary>
public sealed partial class ImportLegacyTests : IDisposable
{
    private static readonly string[] People = ["alice", "Bob Jones", "carol"];
    private static readonly string[] Models = ["llm:gpt-4o-mini", "llm:meta-llama/llama-3.3-70b-instruct:free"];
    private readonly TempDirectory _cwd = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _cwd.Dispose();
    }

    private sealed record Legacy(long Id, long Item, string Reviewer, double Score, string? Notes, string CreatedAt);

    /// <summary>The original schema, the 300 AITA items, three people on the first 40 items (one twice) and two models on all.</summary>
    private static List<Legacy> BuildLegacyDatabase(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var transaction = connection.BeginTransaction();
        Execute(connection, File.ReadAllText(Fixture("labeling-schema.sql")));
        var lines = File.ReadAllLines(Fixture("aita_seed.jsonl"));
        foreach (var line in lines)
        {
            using var seed = JsonDocument.Parse(line);
            var root = seed.RootElement;
            Execute(connection, """
                INSERT INTO llm_responses (dataset, prompt_title, prompt_body, model_response_text, identifier, model_id, run_id, metadata_json, created_at)
                VALUES ('aita', $title, $body, $response, $identifier, $model, $run, $metadata, '2025-03-01 10:00:00')
                """, ("$title", root.GetProperty("prompt_title").GetString()), ("$body", root.GetProperty("prompt_body").GetString()),
                ("$response", root.GetProperty("model_response_text").GetString()), ("$identifier", root.GetProperty("identifier").GetString()),
                ("$model", root.GetProperty("model_id").GetString()), ("$run", root.GetProperty("run_id").GetString()),
                ("$metadata", root.GetProperty("metadata").GetRawText()));
        }

        var reviews = new List<Legacy>();
        void Review(long item, string reviewer, double score, string? notes, string at)
        {
            Execute(connection, "INSERT INTO reviews (llm_response_id, reviewer_code, score, notes, created_at, updated_at) VALUES ($i, $r, $s, $n, $at, $at)",
                ("$i", item), ("$r", reviewer), ("$s", score), ("$n", notes), ("$at", at));
            reviews.Add(new Legacy(reviews.Count + 1, item, reviewer, score, notes, at));
        }

        for (var item = 1; item <= 40; item++)
        {
            for (var p = 0; p < People.Length; p++)
                Review(item, People[p], Math.Round(((item * 7 + p * 3) % 21 - 10) / 10.0, 2), p == 1 ? $"note {item}, \"quoted\"" : null, $"2025-03-{p + 2:00} 12:{item:00}:00");
        }

        Review(5, "alice", 0.75, "second look", "2025-04-01 09:00:00");
        for (var item = 1; item <= lines.Length; item++)
        {
            foreach (var model in Models)
                Review(item, model, Math.Round((item % 9 - 4) / 4.0, 4), "model reasoning", "2025-05-01 00:00:00");
        }

        transaction.Commit();
        return reviews;
    }

    [Fact]
    public async Task Every_review_arrives_once_people_get_codes_ai_reviews_stay_apart_and_a_second_import_adds_nothing()
    {
        var legacyPath = _cwd.File("old_labels.db");
        var legacy = BuildLegacyDatabase(legacyPath);
        var before = File.ReadAllBytes(legacyPath);

        var first = await CliRun.InProcessAsync(_cwd.Path, "portal", "import-legacy", "--from", "old_labels.db", "--db", "labels.db");
        var second = await CliRun.InProcessAsync(_cwd.Path, "portal", "import-legacy", "--from", "old_labels.db", "--db", "labels.db");

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Matches(@"items\s*│\s*300\s*│\s*0\s*│", first.Output);
        Assert.Matches(@"reviews by people\s*│\s*121\s*│\s*0\s*│", first.Output);
        Assert.Matches(@"AI reviews \(llm:\)\s*│\s*600\s*│\s*0\s*│", first.Output);
        var mapping = MappingRow().Matches(first.Output).ToDictionary(m => m.Groups[1].Value.Trim(), m => m.Groups[2].Value);
        Assert.Equal(People.Order(StringComparer.Ordinal), mapping.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(0, second.ExitCode);
        Assert.Matches(@"items\s*│\s*0\s*│\s*300\s*│", second.Output);
        Assert.Matches(@"reviews by people\s*│\s*0\s*│\s*121\s*│", second.Output);
        Assert.Matches(@"AI reviews \(llm:\)\s*│\s*0\s*│\s*600\s*│", second.Output);
        Assert.DoesNotContain("sign-in code", second.Output, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(legacyPath));

        using var store = LabelStore.Open(_cwd.File("labels.db"));
        var exported = store.Export.Reviews("aita").ToList();
        Assert.Equal(legacy.Count, exported.Count);
        var items = store.Items.List("aita").ToList();
        var seeds = File.ReadAllLines(Fixture("aita_seed.jsonl")).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("identifier").GetString()!).ToList();
        Assert.Equal(seeds, items.Select(i => i.Identifier));

        // Review for review: same item, score, notes and time; names replaced by their codes, llm: codes kept.
        var expected = legacy.Select(r => Describe(seeds[(int)r.Item - 1], AiReviewers.IsAi(r.Reviewer) ? r.Reviewer : mapping[r.Reviewer], r.Score, r.Notes, Iso(r.CreatedAt)));
        var actual = exported.Select(r => Describe(r.Identifier, r.ReviewerCode, r.Score, r.Notes, r.ReviewCreatedAt));
        Assert.Equal(expected.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));

        // People's reviews count toward the three; AI reviews count in nothing but their own rows.
        var status = store.Items.Status("aita");
        Assert.Equal(121, status.Reviews);
        Assert.Equal([260, 0, 0, 40], status.ItemsByReviewCount);
        Assert.Equal(600, status.AiReviews);
        Assert.Equal(2, status.AiReviewers);
        Assert.Equal(People.Length, store.Reviewers.List().Count);
        Assert.Equal(41, store.Reviewers.List().Single(r => r.Account.Code == mapping["alice"]).Reviews);
        // The original's dataset arrives with the AITA scale (and only that dataset: the old file had no other).
        Assert.Equal(["aita"], store.Datasets.Names());
        Assert.Equal(DatasetScale.Aita, store.Datasets.Require("aita").Scale);
    }

    [Fact]
    public async Task A_person_who_signs_in_with_the_printed_code_is_offered_the_items_they_did_not_review()
    {
        var legacyPath = _cwd.File("old.db");
        BuildLegacyDatabase(legacyPath);
        var imported = await CliRun.InProcessAsync(_cwd.Path, "portal", "import-legacy", "--from", "old.db");
        var signIn = MappingRow().Matches(imported.Output).Single(m => m.Groups[1].Value.Trim() == "carol").Groups[3].Value;

        using var store = LabelStore.Open(_cwd.File("labels.db"));
        var carol = store.Reviewers.FindBySignInCode(signIn);
        Assert.NotNull(carol);
        var next = await store.Assignments.NextAsync("aita", carol.Code);
        Assert.Equal(0, next!.LoadBefore);
        Assert.True(next.Item.Id > 40);
    }

    [Fact]
    public async Task A_file_that_is_not_such_a_database_or_is_the_target_is_refused_and_nothing_is_written_not_even_an_empty_store()
    {
        File.WriteAllText(_cwd.File("notes.txt"), "not a database");
        using (var other = new SqliteConnection($"Data Source={_cwd.File("other.db")};Pooling=False"))
        {
            other.Open();
            Execute(other, "CREATE TABLE something (x INTEGER)");
        }

        var text = await CliRun.InProcessAsync(_cwd.Path, "portal", "import-legacy", "--from", "notes.txt", "--db", "a.db");
        var wrong = await CliRun.InProcessAsync(_cwd.Path, "portal", "import-legacy", "--from", "other.db", "--db", "b.db");
        var same = await CliRun.InProcessAsync(_cwd.Path, "portal", "import-legacy", "--from", "other.db", "--db", "other.db");

        Assert.Equal(1, text.ExitCode);
        Assert.Contains("notes.txt", text.Error, StringComparison.Ordinal);
        Assert.Equal(1, wrong.ExitCode);
        Assert.Contains("no table 'llm_responses'", wrong.Error, StringComparison.Ordinal);
        Assert.Equal(2, same.ExitCode);
        Assert.Contains("--from and --db are the same file", same.Error, StringComparison.Ordinal);
        // The old file is read and checked before the label store is opened: a refused import creates no store.
        Assert.False(File.Exists(_cwd.File("a.db")));
        Assert.False(File.Exists(_cwd.File("b.db")));
        using var reopened = new SqliteConnection($"Data Source={_cwd.File("other.db")};Mode=ReadOnly;Pooling=False");
        reopened.Open();
        using var tables = reopened.CreateCommand();
        tables.CommandText = "SELECT group_concat(name) FROM sqlite_master WHERE type = 'table'";
        Assert.Equal("something", tables.ExecuteScalar());
    }

    [Fact]
    public async Task An_import_refused_while_importing_leaves_no_new_store_behind()
    {
        // A SycoBench store given as --from reads as the original tool's tables, then its dataset 'rent-v1' is refused
        // inside the import: the new, empty labels.db made for it stayed behind.
        using (var store = LabelStore.Open(_cwd.File("sycobench.db")))
            store.Items.Push("rent-v1", DatasetScale.FromScenario(ScenarioCatalog.Load("rent-v1", _cwd.Path)), Seeds.Many(2));

        var result = await CliRun.InProcessAsync(_cwd.Path, "portal", "import-legacy", "--from", "sycobench.db", "--db", "new.db");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("dataset 'rent-v1' is none of the original tool's", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_cwd.File("new.db")));
        Assert.False(File.Exists(_cwd.File("new.db-wal")));
    }

    private static string Describe(string identifier, string reviewer, double score, string? notes, string at) =>
        string.Create(CultureInfo.InvariantCulture, $"{identifier} {reviewer} {score:R} {notes ?? "∅"} {at}");

    private static string Iso(string sqliteTimestamp) => sqliteTimestamp.Replace(' ', 'T') + ".000Z";

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", "origin", name);

    private static void Execute(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        command.ExecuteNonQuery();
    }

    [GeneratedRegex(@"│\s*([^│\n]+?)\s*│\s*(R-[0-9A-Z]{6})\s*│\s*([0-9A-Z-]{23})\s*│")]
    private static partial Regex MappingRow();
}
