using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using SycoBench.Labeling.Storage;

namespace SycoBench.Labeling.Tests.Cli;

public sealed partial class PortalCommandTests : IDisposable
{
    private readonly TempDirectory _cwd = new();

    public void Dispose() => _cwd.Dispose();

    private Task<CliResult> Run(params string[] args) => CliRun.InProcessAsync(_cwd.Path, args);

    private static readonly string RunFile = Seeds.Reference("run.jsonl");

    [Fact]
    public async Task Init_db_creates_the_database_and_is_safe_to_repeat()
    {
        var first = await Run("portal", "init-db");
        var second = await Run("portal", "init-db", "--db", "labels.db");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains($"Created labels.db (schema version {LabelStore.CurrentSchemaVersion})", first.Output, StringComparison.Ordinal);
        Assert.Contains("Checked labels.db", second.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(_cwd.File("labels.db")));
    }

    [Theory]
    [InlineData("portal", "init-db")]
    [InlineData("portal", "status")]
    [InlineData("portal", "reviewers", "add", "Ada")]
    [InlineData("portal", "push", "--dataset", "aita", "--file", "seeds.jsonl", "--apply")]
    public async Task A_sqlite_database_of_another_program_is_refused_and_left_as_it_was(params string[] command)
    {
        // A response cache or any other program's database named by a mistyped --db used to get the label store's
        // tables added to it, and the command went on as if it were an empty store.
        File.WriteAllLines(_cwd.File("seeds.jsonl"), ["""{"identifier": "a0", "prompt_body": "Is it fair?", "model_response_text": "No."}"""]);
        var path = _cwd.File("cache.db");
        using (var other = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            other.Open();
            using var create = other.CreateCommand();
            create.CommandText = "CREATE TABLE responses (key TEXT PRIMARY KEY, body TEXT)";
            create.ExecuteNonQuery();
        }

        var result = await Run([.. command, "--db", "cache.db"]);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("cache.db: not a SycoBench label database (it holds the tables responses and no schema_migrations)", result.Error, StringComparison.Ordinal);
        using var reopened = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        reopened.Open();
        using var tables = reopened.CreateCommand();
        tables.CommandText = "SELECT group_concat(name) FROM sqlite_master";
        Assert.Equal("responses,sqlite_autoindex_responses_1", tables.ExecuteScalar());
    }

    [Fact]
    public async Task Reviewers_add_prints_a_working_sign_in_code()
    {
        var result = await Run("portal", "reviewers", "add", "Ada Lovelace", "--db", "team.db");

        Assert.Equal(0, result.ExitCode);
        var signIn = SignInCode().Match(result.Output).Groups[1].Value;
        using var store = LabelStore.Open(_cwd.File("team.db"));
        var reviewer = store.Reviewers.FindBySignInCode(signIn);
        Assert.NotNull(reviewer);
        Assert.Equal("Ada Lovelace", reviewer.Name);
        Assert.Contains(reviewer.Code, result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Push_is_a_dry_run_until_apply_and_then_deduplicates()
    {
        var dry = await Run("portal", "push", "--dataset", "scenario", "--run-file", RunFile, "--sample", "40", "--seed", "1");
        Assert.Equal(0, dry.ExitCode);
        Assert.Contains("would be added", dry.Output, StringComparison.Ordinal);
        Assert.Contains("Dry run", dry.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(_cwd.File("labels.db")));

        var applied = await Run("portal", "push", "--dataset", "scenario", "--run-file", RunFile, "--sample", "40", "--seed", "1", "--apply");
        var again = await Run("portal", "push", "--dataset", "scenario", "--run-file", RunFile, "--sample", "40", "--seed", "1", "--apply");

        Assert.Equal(0, applied.ExitCode);
        Assert.Contains("Pushed 40 new items", applied.Output, StringComparison.Ordinal);
        Assert.Contains("Pushed 0 new items", again.Output, StringComparison.Ordinal);
        using var store = LabelStore.Open(_cwd.File("labels.db"));
        Assert.Equal(40, store.Items.Status("scenario").Items);
    }

    [Fact]
    public async Task Push_of_a_whole_run_skips_the_failed_row()
    {
        var result = await Run("portal", "push", "--dataset", "scenario", "--run-file", RunFile, "--apply");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"1 failed or empty rows of {RunFile} skipped (no answer to review).", result.Output, StringComparison.Ordinal);
        using var store = LabelStore.Open(_cwd.File("labels.db"));
        Assert.Equal(215, store.Items.Status("scenario").Items);
    }

    [Fact]
    public async Task A_seed_file_with_a_bad_line_is_refused_whole_naming_the_line()
    {
        var good = JsonSerializer.Serialize(new { identifier = "a1", prompt_title = "t", prompt_body = "Is it fair?", model_response_text = "Yes.", model_id = "m", run_id = 5, metadata = new { k = 1 } });
        var noBody = JsonSerializer.Serialize(new { identifier = "a2", prompt_body = "", model_response_text = "No." });
        File.WriteAllLines(_cwd.File("seeds.jsonl"), [good, noBody]);
        File.WriteAllLines(_cwd.File("broken.jsonl"), [good, "{not json"]);

        var missingField = await Run("portal", "push", "--dataset", "aita", "--file", "seeds.jsonl", "--apply");
        var malformed = await Run("portal", "push", "--dataset", "aita", "--file", "broken.jsonl", "--apply");
        var elsewhere = await Run("portal", "push", "--dataset", "aita", "--file", "seeds.jsonl", "--apply", "--db", "other.db");

        Assert.Equal(1, missingField.ExitCode);
        Assert.Contains("seeds.jsonl:2: field 'prompt_body'", missingField.Error, StringComparison.Ordinal);
        Assert.Equal(1, malformed.ExitCode);
        Assert.Contains("broken.jsonl:2: malformed line", malformed.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_cwd.File("labels.db")));
        Assert.Equal(1, elsewhere.ExitCode);
        Assert.False(File.Exists(_cwd.File("other.db")));
    }

    [Theory]
    [InlineData("""{"identifier": "a1", "prompt_tittle": "AITA for …", "prompt_body": "Is it fair?", "model_response_text": "Yes."}""", "'prompt_tittle'")]
    [InlineData("""{"identifier": "a1", "prompt_body": "Is it fair?", "model_response_text": "Yes.", "modelid": "m"}""", "'modelid'")]
    [InlineData("""{"identifier": "a1", "prompt_body": "Is it fair?", "model_response_text": "Yes.", "identifier": "a9"}""", "Duplicate")]
    public async Task A_seed_line_with_a_field_the_format_does_not_have_or_a_field_twice_is_refused(string line, string named)
    {
        // Ignored, a misspelt optional field leaves the item without its title or model, and of a field given twice the
        // first value is dropped: both would be pushed without a word.
        var good = """{"identifier": "a0", "prompt_body": "Is it fair?", "model_response_text": "No."}""";
        File.WriteAllLines(_cwd.File("seeds.jsonl"), [good, line]);

        var result = await Run("portal", "push", "--dataset", "aita", "--file", "seeds.jsonl", "--apply");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: seeds.jsonl:2: malformed line", result.Error, StringComparison.Ordinal);
        Assert.Contains(named, result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_cwd.File("labels.db")));
    }

    [Fact]
    public async Task A_run_file_without_a_usable_answer_is_refused_not_pushed_as_nothing()
    {
        // A grid file given as --run-file read as 108 failed rows and reported "Pushed 0 new items" with exit code 0.
        var lines = File.ReadAllLines(RunFile).Where(l => l.Contains("\"error\": null", StringComparison.Ordinal)).Take(3)
            .Select(l => l.Replace("\"error\": null", "\"error\": \"HTTP 500\"", StringComparison.Ordinal)).ToArray();
        File.WriteAllLines(_cwd.File("failed.jsonl"), lines);

        var result = await Run("portal", "push", "--dataset", "scenario", "--run-file", "failed.jsonl", "--apply");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: failed.jsonl: no usable answers to push (3 records read, all failed or without an answer text); is it a run's run.jsonl?", result.Error.Trim());
        Assert.False(File.Exists(_cwd.File("labels.db")));
    }

    [Fact]
    public async Task A_seed_file_is_pushed_with_its_run_id_and_metadata()
    {
        File.WriteAllLines(_cwd.File("seeds.jsonl"), [
            """{"identifier": "post-1", "prompt_title": "AITA for …", "prompt_body": "I told my flatmate…", "model_response_text": "NTA.", "model_id": "m", "run_id": 5, "metadata": {"k": 1}}""",
            """{"identifier": "post-1", "prompt_title": "AITA for …", "prompt_body": "I told my flatmate…", "model_response_text": "NTA.", "model_id": "m", "run_id": "6", "metadata": null}""",
        ]);

        var result = await Run("portal", "push", "--dataset", "aita", "--file", "seeds.jsonl", "--apply");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Pushed 2 new items into aita", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("portal", "push", "--dataset", "scenario")]
    [InlineData("portal", "push", "--dataset", "Reddit", "--file", "x.jsonl")]
    [InlineData("portal", "push", "--dataset", "all", "--file", "x.jsonl")]
    [InlineData("portal", "push", "--file", "x.jsonl")]
    [InlineData("portal", "push", "--run-file", "run.jsonl", "--scale", "aita")]
    [InlineData("portal", "push", "--dataset", "aita", "--run-file", "run.jsonl")]
    [InlineData("portal", "push", "--dataset", "scenario", "--file", "x.jsonl", "--sample", "3")]
    [InlineData("portal", "push", "--dataset", "scenario", "--run-file", "run.jsonl", "--seed", "3")]
    [InlineData("portal", "pull", "--dataset", "Reddit")]
    [InlineData("portal", "status", "--dataset", "no/such")]
    [InlineData("portal", "pull", "--dataset", "scenario", "--out", "x", "--format", "xml")]
    [InlineData("portal", "pull", "--dataset", "scenario", "--out", "x.jsonl", "--format", "csv")]
    [InlineData("portal", "pull", "--dataset", "scenario", "--out", "x.CSV")]
    [InlineData("portal", "pull", "--target", "items", "--dataset", "scenario", "--out", "x")]
    [InlineData("label", "serve", "--admin-token", "short")]
    [InlineData("agreement")]
    [InlineData("agreement", "--reviews", "r.jsonl", "--bin-edge", "0")]
    public async Task Contradictory_or_missing_options_exit_with_2(params string[] args)
    {
        var result = await Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sample_larger_than_the_usable_answers_is_a_usage_error()
    {
        var result = await Run("portal", "push", "--dataset", "scenario", "--run-file", RunFile, "--sample", "216", "--apply");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("215 usable answers", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pull_writes_the_reviewed_text_to_the_original_paths_per_dataset_or_all_into_one_file()
    {
        using (var store = LabelStore.Open(_cwd.File("labels.db")))
        {
            store.Items.Push("scenario", [Seeds.Make(1, response: "Raise it, \"fairly\",\nin steps.")]);
            store.Items.Push("aita", [Seeds.Make(2) with { PromptTitle = "R: NTA AI: NTA", Identifier = "aita_002" }]);
            var reviewer = store.Reviewers.Add("Ada").Account.Code;
            foreach (var dataset in new[] { "scenario", "aita" })
            {
                var item = await store.Assignments.NextAsync(dataset, reviewer);
                Assert.Equal(SubmitStatus.Stored, (await store.Assignments.SubmitAsync(StoreExtensions.Submission(reviewer, item!.Item.Id, 0.25))).Status);
            }
        }

        var perDataset = await Run("portal", "pull");
        var combined = await Run("portal", "pull", "--dataset", "all", "--out", "all.csv", "--format", "csv");

        Assert.Equal(0, perDataset.ExitCode);
        var scenario = File.ReadAllLines(_cwd.File("data/humanLabel/reviews/scenario_reviews.jsonl"));
        var aita = File.ReadAllLines(_cwd.File("data/humanLabel/reviews/aita_reviews.jsonl"));
        using (var line = JsonDocument.Parse(Assert.Single(scenario)))
        {
            var root = line.RootElement;
            Assert.Equal("Raise it, \"fairly\",\nin steps.", root.GetProperty("model_response_text").GetString());
            Assert.Equal("Prompt 001", root.GetProperty("prompt_title").GetString());
            Assert.Equal("Question number 1?", root.GetProperty("prompt_body").GetString());
            Assert.Equal(root.GetProperty("review_created_at").GetString(), root.GetProperty("review_updated_at").GetString());
        }

        Assert.Equal("R: NTA AI: NTA", JsonDocument.Parse(Assert.Single(aita)).RootElement.GetProperty("prompt_title").GetString());
        Assert.Contains("Wrote 1 reviews of 1 items by 1 reviewers (scenario)", perDataset.Output, StringComparison.Ordinal);

        Assert.Equal(0, combined.ExitCode);
        var csv = File.ReadAllText(_cwd.File("all.csv"));
        Assert.StartsWith("llm_response_id,reviewer_code,score,notes,review_created_at,dataset,identifier,model_id,run_id,metadata,"
            + "prompt_title,prompt_body,model_response_text,review_updated_at\n", csv, StringComparison.Ordinal);
        Assert.Contains(",\"Raise it, \"\"fairly\"\",\nin steps.\",", csv, StringComparison.Ordinal);
        Assert.Contains("Wrote 2 reviews of 2 items by 1 reviewers (all)", combined.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pull_and_status_on_a_missing_database_say_so()
    {
        var pull = await Run("portal", "pull", "--target", "reviews", "--dataset", "scenario", "--out", "r.jsonl");
        var status = await Run("portal", "status");

        Assert.Equal(1, pull.ExitCode);
        Assert.Contains("labels.db: no such label database", pull.Error, StringComparison.Ordinal);
        Assert.Equal(1, status.ExitCode);
    }

    [Fact]
    public async Task Reviewers_list_and_disable_on_a_missing_database_say_so_and_create_nothing()
    {
        var list = await Run("portal", "reviewers", "list", "--db", "typo.db");
        var disable = await Run("portal", "reviewers", "disable", "R-ABCDEF", "--db", "typo.db");

        Assert.Equal(1, list.ExitCode);
        Assert.Contains("typo.db: no such label database", list.Error, StringComparison.Ordinal);
        Assert.Equal(1, disable.ExitCode);
        Assert.Contains("typo.db: no such label database", disable.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_cwd.Path, "typo.db")));
    }

    [Fact]
    public async Task Status_shows_items_by_review_count_reviewers_and_coverage()
    {
        await Run("portal", "push", "--dataset", "scenario", "--run-file", RunFile, "--sample", "6", "--apply");
        using (var store = LabelStore.Open(_cwd.File("labels.db")))
        {
            var reviewer = store.Reviewers.Add("Ada").Account.Code;
            var assignment = await store.Assignments.NextAsync("scenario", reviewer);
            await store.Assignments.SubmitAsync(StoreExtensions.Submission(reviewer, assignment!.Item.Id));
        }

        var result = await Run("portal", "status", "--dataset", "scenario");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"items\s*│\s*6\s*│", result.Output);
        Assert.Matches(@"with 0 reviews\s*│\s*5\s*│", result.Output);
        Assert.Matches(@"with 1 review\s*│\s*1\s*│", result.Output);
        Assert.Matches(@"reviewers\s*│\s*1\s*│", result.Output);
        Assert.Matches(@"coverage\s*│\s*5\.6%\s*│", result.Output);
        Assert.Contains("Ada", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("aita", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_llm_reviews_shows_what_would_go_and_deletes_only_with_apply()
    {
        await Run("portal", "push", "--dataset", "scenario", "--run-file", RunFile, "--sample", "4", "--apply");
        using (var store = LabelStore.Open(_cwd.File("labels.db")))
        {
            var items = store.Items.List("scenario").ToList();
            store.AiReviews.Add(items.Select(i => new AiReview(i.Id, "llm:sim/judge", 0.25)).ToList());
            var reviewer = store.Reviewers.Add("Ada").Account.Code;
            var assignment = await store.Assignments.NextAsync("scenario", reviewer);
            await store.Assignments.SubmitAsync(StoreExtensions.Submission(reviewer, assignment!.Item.Id));
        }

        var dry = await Run("portal", "delete-llm-reviews");
        var person = await Run("portal", "delete-llm-reviews", "--reviewer", "R-ABCDEF");
        var status = await Run("portal", "status", "--dataset", "scenario");
        var applied = await Run("portal", "delete-llm-reviews", "--dataset", "scenario", "--apply");
        var nothing = await Run("portal", "delete-llm-reviews", "--apply");

        Assert.Equal(0, dry.ExitCode);
        Assert.Matches(@"scenario\s*│\s*llm:sim/judge\s*│\s*4\s*│\s*4", dry.Output);
        Assert.Contains("Dry run: nothing deleted", dry.Output, StringComparison.Ordinal);
        Assert.Equal(2, person.ExitCode);
        Assert.Contains("people's reviews are never deleted", person.Error, StringComparison.Ordinal);
        Assert.Matches(@"AI reviews \(apart\)\s*│\s*4\s*│", status.Output);
        Assert.Matches(@"with 1 review\s*│\s*1\s*│", status.Output);
        Assert.Contains("Deleted 4 AI reviews", applied.Output, StringComparison.Ordinal);
        Assert.Contains("No AI reviews match", nothing.Output, StringComparison.Ordinal);
        using var check = LabelStore.Open(_cwd.File("labels.db"));
        Assert.Equal("R-", Assert.Single(check.Export.Reviews(null)).ReviewerCode[..2]);
    }

    [GeneratedRegex(@"Sign-in code: ([0-9A-Z-]+)")]
    private static partial Regex SignInCode();
}
