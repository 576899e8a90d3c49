using System.Data.Common;
using Npgsql;

namespace SycoBench.Labeling.Storage;

/// <summary>
/// Next item and submit on PostgreSQL: each one call of its server-side function (<see cref="PostgresReviewFunctions"/>),
/// which does what <see cref="ReviewAssigner"/> does on SQLite in one round trip to the server instead of about seven.
/// A review (next item, the page's counts, submit) makes 3 round trips instead of about 15, and most of a review's
/// processor time, in .NET and in PostgreSQL, was spent on those round trips.
/// </summary>
internal sealed class PostgresReviewCalls
{
    private readonly PostgresLabelDatabase _database;
    private readonly TimeSpan _leaseDuration;
    private readonly Action<DbConnection, DbTransaction, long> _expireLeases;

    public PostgresReviewCalls(PostgresLabelDatabase database, TimeSpan leaseDuration, Action<DbConnection, DbTransaction, long> expireLeases)
    {
        _database = database;
        _leaseDuration = leaseDuration;
        _expireLeases = expireLeases;
    }

    public async Task<Assignment?> NextAsync(string dataset, string reviewerCode, int reviewsPerItem, int pickRounds, CancellationToken cancellationToken) =>
        (await NextCoreAsync(dataset, reviewerCode, reviewsPerItem, pickRounds, withCounts: false, cancellationToken).ConfigureAwait(false)).Assignment;

    /// <summary>
    /// The next item and then the review page's counts (<see cref="ItemCatalog.PageCountsSql"/>), sent together in one
    /// round trip: the count read runs right after the function, in the same implicit transaction (so after its lease
    /// is taken, as when read afterwards), and reads the running counts only.
    /// </summary>
    public async Task<ReviewPageState> NextWithCountsAsync(string dataset, string reviewerCode, int reviewsPerItem, int pickRounds, CancellationToken cancellationToken)
    {
        var (assignment, counts) = await NextCoreAsync(dataset, reviewerCode, reviewsPerItem, pickRounds, withCounts: true, cancellationToken).ConfigureAwait(false);
        return new ReviewPageState(assignment, counts!.Value.Coverage, counts.Value.Progress);
    }

    private Task<(Assignment? Assignment, (DatasetCoverage Coverage, ReviewerProgress Progress)? Counts)> NextCoreAsync(
        string dataset, string reviewerCode, int reviewsPerItem, int pickRounds, bool withCounts, CancellationToken cancellationToken) =>
        _database.CallForReviewerAsync<(Assignment?, (DatasetCoverage, ReviewerProgress)?)>(async (connection, nowMs, ct) =>
        {
            var expiresMs = nowMs + (long)_leaseDuration.TotalMilliseconds;
            (string, object?)[] parameters =
            [
                ("@key", PostgresLabelDatabase.WriteLock), ("@r", reviewerCode), ("@d", dataset), ("@nowMs", nowMs), ("@e", expiresMs),
                ("@now", _database.Now()), ("@full", reviewsPerItem), ("@rounds", pickRounds),
            ];
            if (withCounts)
                parameters = [.. parameters, ("@dataset", dataset), ("@reviewer", reviewerCode)];
            await using var command = (NpgsqlCommand)Sql.Command(connection, null, withCounts ? NextItemWithCountsSql : NextItemSql, parameters);
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            Assignment? assignment = null;
            if (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                if (reader.GetBoolean(0))
                    return (true, default);
                var item = new LabelItem(reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5));
                assignment = new Assignment(item, reader.GetInt32(6), reader.GetBoolean(7), DateTimeOffset.FromUnixTimeMilliseconds(expiresMs));
            }

            if (!withCounts)
                return (false, (assignment, null));
            if (!await reader.NextResultAsync(ct).ConfigureAwait(false) || !await reader.ReadAsync(ct).ConfigureAwait(false))
                throw new InvalidOperationException("the review page's counts returned no row");
            return (false, (assignment, ItemCatalog.ReadPageCounts(reader, dataset)));
        }, _expireLeases, cancellationToken);

    private const string NextItemSql = "SELECT * FROM reviewer_next_item(@key, @r, @d, @nowMs, @e, @now, @full, @rounds)";

    private const string NextItemWithCountsSql = NextItemSql + ";\n" + ItemCatalog.PageCountsSql;

    public Task<SubmitOutcome> SubmitAsync(ReviewSubmission submission, int reviewsPerItem, CancellationToken cancellationToken) =>
        _database.CallForReviewerAsync<SubmitOutcome>(async (connection, nowMs, ct) =>
        {
            await using var command = (NpgsqlCommand)Sql.Command(connection, null, """
                SELECT * FROM reviewer_submit(@key, @r, @id, CAST(@d AS TEXT), @s, @cannotJudge,
                                              CAST(@score AS DOUBLE PRECISION), CAST(@notes AS TEXT), @nowMs, @now, @full)
                """,
                ("@key", PostgresLabelDatabase.WriteLock), ("@r", submission.ReviewerCode), ("@id", submission.ItemId),
                ("@d", submission.Dataset), ("@s", submission.SubmissionId), ("@cannotJudge", submission.CannotJudge),
                ("@score", submission.CannotJudge ? null : submission.StoredScore), ("@notes", submission.StoredNotes),
                ("@nowMs", nowMs), ("@now", _database.Now()), ("@full", reviewsPerItem));
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            if (!await reader.ReadAsync(ct).ConfigureAwait(false))
                throw new InvalidOperationException("reviewer_submit returned no row");
            var id = reader.IsDBNull(1) ? (long?)null : reader.GetInt64(1);
            return reader.GetString(0) switch
            {
                "lease_due" => (true, null!),
                "stored" => (false, new SubmitOutcome(SubmitStatus.Stored, id, SubmitMessages.Stored)),
                "stored_cannot_judge" => (false, new SubmitOutcome(SubmitStatus.Stored, id, SubmitMessages.StoredCannotJudge)),
                "already_stored" => (false, new SubmitOutcome(SubmitStatus.AlreadyStored, id, SubmitMessages.AlreadyStored)),
                "submission_id_conflict" => (false, new SubmitOutcome(SubmitStatus.SubmissionIdConflict, null, SubmitMessages.SubmissionIdConflict)),
                "unknown_item" => (false, new SubmitOutcome(SubmitStatus.UnknownItem, null, SubmitMessages.UnknownItem)),
                "not_assigned" => (false, new SubmitOutcome(SubmitStatus.NotAssigned, null, SubmitMessages.NotAssigned)),
                "already_reviewed" => (false, new SubmitOutcome(SubmitStatus.AlreadyReviewed, null, SubmitMessages.AlreadyReviewed)),
                "lease_expired" => (false, new SubmitOutcome(SubmitStatus.LeaseExpired, null, SubmitMessages.LeaseExpired)),
                var other => throw new InvalidOperationException($"reviewer_submit returned an unknown outcome '{other}'"),
            };
        }, _expireLeases, cancellationToken);
}
