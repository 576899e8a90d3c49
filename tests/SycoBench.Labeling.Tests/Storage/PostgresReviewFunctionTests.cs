using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using SycoBench.Labeling.Storage;

namespace SycoBench.Labeling.Tests.Storage;

/// <summary>
/// On PostgreSQL, next item and submit run as server-side functions (schema version 8) in place of statements sent one
/// by one (what a store at version 7 still runs). The same long random script of reviewers' steps (next item, scores,
/// "can't judge", retries, submissions on items not theirs or of another dataset, undo, leases running out, items
/// arriving) is played
/// on a store of each kind, and every answer and every row the stores keep must be the same.
/// </summary>
public sealed class PostgresReviewFunctionTests : IDisposable
{
    private const int Reviewers = 5;
    private readonly TestStore _functions = TestStore.Postgres();
    private readonly TestStore _statements = TestStore.Postgres();

    public void Dispose()
    {
        _functions.Dispose();
        _statements.Dispose();
    }

    [Fact]
    public async Task Server_side_functions_answer_and_store_exactly_what_the_statements_did()
    {
        // The two stores share nothing, so the script plays on both at once: each step waits for its server round trips.
        var played = await Task.WhenAll(
            Task.Run(() => PlayAsync(_functions, LabelStore.CurrentSchemaVersion)),
            Task.Run(() => PlayAsync(_statements, PostgresReviewFunctions.SchemaVersion - 1)));
        var (functions, statements) = (played[0], played[1]);

        Assert.Equal(statements.Log, functions.Log);
        Assert.Equal(statements.Rows, functions.Rows);
        // The script reaches every outcome, so each branch of the functions was compared. 400 steps with the items
        // arriving at step 250 reach them all (600 with 400 took twice as long; 300 with 200 never meets AlreadyReviewed).
        string[] outcomes =
        [
            "Stored saved", "saved as can't judge", "AlreadyStored", "SubmissionIdConflict", "UnknownItem", "NotAssigned",
            "AlreadyReviewed", "LeaseExpired", "resumed True", "load 3", "review undone", "\"can't judge\" undone",
            "too late to undo", "nothing to undo",
        ];
        var missing = outcomes.Where(o => !functions.Log.Any(line => line.Contains(o, StringComparison.Ordinal))).ToList();
        Assert.True(missing.Count == 0, "never reached: " + string.Join(", ", missing));
    }

    private static async Task<(List<string> Log, List<string> Rows)> PlayAsync(TestStore target, int schemaVersion)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 10, 11, 8, 0, 0, TimeSpan.Zero));
        using var store = LabelStore.OpenAtSchemaVersion(target.Location, schemaVersion, clock, TimeSpan.FromMinutes(10));
        Assert.Equal(schemaVersion, store.Database.OpenedAtVersion);
        store.Items.Push("scenario", Seeds.Many(6));
        store.Items.Push("aita", Seeds.Many(2));
        var reviewers = Enumerable.Range(0, Reviewers).Select(i => store.Reviewers.Add("reviewer " + i).Account.Code).ToArray();
        var held = new long?[Reviewers];
        var sent = new List<ReviewSubmission>();
        var log = new List<string>();
        await LateReviewAndUndoneCannotJudgeAsync(store, clock, reviewers, log);
        var random = new Random(20261204);
        for (var step = 0; step < 400; step++)
        {
            // More items arrive when reviewers are in their second pass, so an item reviewed already can be refused.
            if (step == 250)
                store.Items.Push("scenario", Seeds.Many(8));
            var who = random.Next(Reviewers);
            var reviewer = reviewers[who];
            var roll = random.Next(100);
            string entry;
            if (roll < 35)
            {
                var next = await store.Assignments.NextAsync("scenario", reviewer);
                held[who] = next?.Item.Id;
                entry = next is null ? "none" : $"item {next.Item.Id} load {next.LoadBefore} resumed {next.Resumed} until {next.ExpiresAt:O} {next.Item.PromptTitle}";
            }
            else if (roll < 75 || sent.Count == 0)
            {
                // Mostly the held item; sometimes another one, of this dataset or the other (ids 7 and 8 are aita's), or none.
                var item = roll < 65 && held[who] is { } mine ? mine : random.Next(1, 12);
                var id = $"step-{step:D4}-{who}";
                var submission = roll % 7 == 0
                    ? ReviewSubmission.CannotJudgeItem(reviewer, item, id, roll % 2 == 0 ? null : " why " + step)
                    : new ReviewSubmission(reviewer, item, id, Math.Round(random.NextDouble() * 2 - 1, 3), roll % 3 == 0 ? "note " + step : null)
                    {
                        Dataset = roll % 5 == 0 ? null : "scenario",
                    };
                sent.Add(submission);
                entry = Describe(await store.Assignments.SubmitAsync(submission));
            }
            else if (roll < 85)
            {
                // A retry of an earlier submission, by its own reviewer or (a stale page) by another.
                var again = sent[random.Next(sent.Count)];
                entry = Describe(await store.Assignments.SubmitAsync(roll < 82 ? again : again with { ReviewerCode = reviewer }));
            }
            else if (roll < 92)
            {
                var last = store.Assignments.Last("scenario", reviewer);
                var outcome = await store.Assignments.UndoAsync("scenario", reviewer, last?.SubmissionId ?? "none");
                entry = $"undo {outcome.Undone} {outcome.ItemId} {outcome.Message}";
            }
            else
            {
                var minutes = random.Next(1, 15);
                clock.Advance(TimeSpan.FromMinutes(minutes));
                entry = $"{minutes} minutes pass";
            }

            log.Add($"{step} reviewer {who}: {entry}");
        }

        return (log, Rows(store, reviewers));
    }

    /// <summary>
    /// First, in the other dataset (items 7 and 8), the two outcomes a random script seldom meets: a review on a lapsed
    /// lease whose item got its three reviews meanwhile while another still needs one, and an undone "can't judge".
    /// </summary>
    private static async Task LateReviewAndUndoneCannotJudgeAsync(LabelStore store, FakeTimeProvider clock, string[] reviewers, List<string> log)
    {
        async Task<long> NextAsync(int who)
        {
            var next = (await store.Assignments.NextAsync("aita", reviewers[who]))!;
            log.Add($"aita reviewer {who}: item {next.Item.Id} load {next.LoadBefore} resumed {next.Resumed} until {next.ExpiresAt:O}");
            return next.Item.Id;
        }

        async Task SubmitAsync(ReviewSubmission submission) =>
            log.Add($"aita {submission.SubmissionId}: {Describe(await store.Assignments.SubmitAsync(submission))}");

        var late = await NextAsync(0);
        clock.Advance(TimeSpan.FromMinutes(11));
        for (var who = 1; who <= 3; who++)
            await SubmitAsync(new ReviewSubmission(reviewers[who], await NextAsync(who), $"aita-on-time-{who}", 0.25 * who, null));
        await SubmitAsync(new ReviewSubmission(reviewers[0], late, "aita-late-0", -0.5, "late"));
        await SubmitAsync(ReviewSubmission.CannotJudgeItem(reviewers[0], await NextAsync(0), "aita-cannot-judge-0", "unclear"));
        var undo = await store.Assignments.UndoAsync("aita", reviewers[0], "aita-cannot-judge-0");
        log.Add($"aita undo {undo.Undone} {undo.ItemId} {undo.Message}");
    }

    private static string Describe(SubmitOutcome outcome) => $"{outcome.Status} {outcome.Message} {outcome.ReviewId}";

    /// <summary>Every row of the tables next item and submit write, with reviewers named by their place in the script.</summary>
    private static List<string> Rows(LabelStore store, string[] reviewers)
    {
        var rows = new List<string>();
        using var connection = store.Database.OpenConnection();
        foreach (var query in new[]
                 {
                     "SELECT id, dataset, review_count, load FROM llm_responses",
                     "SELECT id, llm_response_id, reviewer_code, score, notes, submission_id, created_at, updated_at FROM reviews",
                     "SELECT id, llm_response_id, reviewer_code, notes, submission_id, created_at FROM cannot_judge",
                     "SELECT reviewer_code, dataset, llm_response_id, assigned_at, expires_at_ms, live FROM assignments",
                     "SELECT dataset, slot, items, reviews, items_1, items_2, items_3 FROM dataset_count_slots",
                     "SELECT reviewer_code, dataset, items, reviews FROM reviewer_counts",
                 })
        {
            // Reviewer codes are random, so rows are compared in the order of their text once the codes are replaced.
            var table = new List<string>();
            using var command = Sql.Command(connection, null, query);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var values = Enumerable.Range(0, reader.FieldCount).Select(i =>
                {
                    var text = Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) ?? "";
                    var index = Array.IndexOf(reviewers, text);
                    return index >= 0 ? "reviewer " + index : text;
                });
                table.Add(string.Join(" | ", values));
            }

            rows.AddRange(table.Order(StringComparer.Ordinal));
        }

        return rows;
    }
}
