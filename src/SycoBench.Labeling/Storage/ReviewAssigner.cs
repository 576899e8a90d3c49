using System.Data.Common;

namespace SycoBench.Labeling.Storage;

/// <summary>
/// Balanced assignment (SPEC §7) and submission, each one immediate transaction, so that two reviewers asking at
/// once never both get the last review an item needs. An item's <c>load</c> is its reviews plus its live leases;
/// a lease counts toward the three until it expires.
/// <list type="number">
/// <item>Items with load below 3 first, the fullest first (2, then 1, then 0), oldest first within a level.</item>
/// <item>Only when none is left for this reviewer: items with load 3 or more, the emptiest first.</item>
/// <item>Only items this reviewer has not reviewed, until they have reviewed every item once; after that, the items
/// they have reviewed least often (their current pass), in the same order.</item>
/// </list>
/// A reviewer holds one lease per dataset: asking again returns the same item (a reload keeps the draft), and an
/// expired lease is taken back if the item still needs a review. A submission on an expired lease is stored only
/// when it cannot give its item a review beyond three ahead of an item this reviewer could still help
/// (<see cref="SubmitStatus.LeaseExpired"/> otherwise).
/// </summary>
public sealed class ReviewAssigner
{
    public const int ReviewsPerItem = 3;
    private readonly LabelDatabase _database;
    private readonly TimeSpan _leaseDuration;

    /// <summary>
    /// On PostgreSQL, next item and submit run as server-side functions, one round trip each (null on SQLite, and on a
    /// PostgreSQL store held at a schema version before the functions, which runs the statements below one by one).
    /// </summary>
    private readonly PostgresReviewCalls? _postgres;

    internal ReviewAssigner(LabelDatabase database, TimeSpan leaseDuration)
    {
        _database = database;
        _leaseDuration = leaseDuration;
        if (database is PostgresLabelDatabase postgres && postgres.OpenedAtVersion >= PostgresReviewFunctions.SchemaVersion)
            _postgres = new PostgresReviewCalls(postgres, leaseDuration, ExpireLeases);
    }

    /// <summary>The item this reviewer should score next in the dataset, or null when the dataset is empty.</summary>
    public async Task<Assignment?> NextAsync(string dataset, string reviewerCode, CancellationToken cancellationToken = default)
    {
        if (_postgres is not null)
            return await _postgres.NextAsync(dataset, reviewerCode, ReviewsPerItem, MaxChooseRounds, cancellationToken).ConfigureAwait(false);
        return await _database.WriteForReviewerAsync(reviewerCode, (connection, transaction) => Next(connection, transaction, dataset, reviewerCode), ExpireLeases, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// What a review page asks of the store: the next item (<see cref="NextAsync"/>), then the dataset's coverage and
    /// the reviewer's progress (<see cref="ItemCatalog.PageCounts(string, string)"/>). On PostgreSQL both go to the
    /// server in one round trip instead of two, each of which costs processor time on both sides.
    /// </summary>
    public async Task<ReviewPageState> NextWithCountsAsync(string dataset, string reviewerCode, CancellationToken cancellationToken = default)
    {
        if (_postgres is not null)
            return await _postgres.NextWithCountsAsync(dataset, reviewerCode, ReviewsPerItem, MaxChooseRounds, cancellationToken).ConfigureAwait(false);
        var assignment = await NextAsync(dataset, reviewerCode, cancellationToken).ConfigureAwait(false);
        var (coverage, progress) = ItemCatalog.PageCounts(_database, dataset, reviewerCode);
        return new ReviewPageState(assignment, coverage, progress);
    }

    public async Task<SubmitOutcome> SubmitAsync(ReviewSubmission submission, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(submission);
        if (submission.Validate() is { } problem)
            return new SubmitOutcome(SubmitStatus.Invalid, null, problem);
        if (_postgres is not null)
            return await _postgres.SubmitAsync(submission, ReviewsPerItem, cancellationToken).ConfigureAwait(false);
        return await _database.WriteForReviewerAsync(submission.ReviewerCode, (connection, transaction) => Submit(connection, transaction, submission), ExpireLeases, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Expires leases inside a reviewer's transaction where its writes run one at a time (SQLite).</summary>
    private void ExpireInside(DbConnection connection, DbTransaction transaction, long nowMs)
    {
        if (!_database.ConcurrentReviewerWrites)
            ExpireLeases(connection, transaction, nowMs);
    }

    private Assignment? Next(DbConnection connection, DbTransaction transaction, string dataset, string reviewer)
    {
        var nowMs = _database.NowMs();
        ExpireInside(connection, transaction, nowMs);
        var expiresMs = nowMs + (long)_leaseDuration.TotalMilliseconds;

        using (var held = Sql.Command(connection, transaction,
            "SELECT a.llm_response_id, a.live, i.load FROM assignments a JOIN llm_responses i ON i.id = a.llm_response_id WHERE a.reviewer_code = @r AND a.dataset = @d"
            + _database.LockRows("i"),
            ("@r", reviewer), ("@d", dataset)))
        using (var reader = held.ExecuteReader())
        {
            if (reader.Read())
            {
                var itemId = reader.GetInt64(0);
                var live = reader.GetInt64(1) == 1;
                var load = reader.GetInt32(2);
                reader.Close();
                if (live || load < ReviewsPerItem)
                {
                    Sql.Execute(connection, transaction,
                        "UPDATE assignments SET live = 1, expires_at_ms = @e WHERE reviewer_code = @r AND dataset = @d",
                        ("@e", expiresMs), ("@r", reviewer), ("@d", dataset));
                    if (!live)
                        Sql.Execute(connection, transaction, "UPDATE llm_responses SET load = load + 1 WHERE id = @id", ("@id", itemId));
                    return new Assignment(ItemCatalog.Find(connection, transaction, itemId)!, live ? load - 1 : load, Resumed: true, FromMs(expiresMs));
                }

                // The lease ran out and the item got its reviews meanwhile: let it go and pick afresh.
                Sql.Execute(connection, transaction, "DELETE FROM assignments WHERE reviewer_code = @r AND dataset = @d", ("@r", reviewer), ("@d", dataset));
            }
        }

        // Where reviewers' writes run beside each other, first pass over items another transaction is changing (their
        // loads are about to move); only when that finds nothing, look again waiting for them, so a full item is still
        // handed out only when no item this reviewer could help is left.
        var choice = (_database.ConcurrentReviewerWrites ? Choose(connection, transaction, dataset, reviewer, skipLocked: true) : null)
            ?? Choose(connection, transaction, dataset, reviewer, skipLocked: false);
        if (choice is null)
            return null;
        Sql.Execute(connection, transaction, """
            INSERT INTO assignments (reviewer_code, dataset, llm_response_id, assigned_at, expires_at_ms, live)
            VALUES (@r, @d, @id, @now, @e, 1);
            UPDATE llm_responses SET load = load + 1 WHERE id = @id
            """, ("@r", reviewer), ("@d", dataset), ("@id", choice.Value.Id), ("@now", _database.Now()), ("@e", expiresMs));
        return new Assignment(ItemCatalog.Find(connection, transaction, choice.Value.Id)!, choice.Value.Load, Resumed: false, FromMs(expiresMs));
    }

    /// <summary>The item (alias <c>i</c>) is not one reviewer <c>@r</c> said they cannot judge.</summary>
    private const string NotCannotJudge = "NOT EXISTS (SELECT 1 FROM cannot_judge c WHERE c.reviewer_code = @r AND c.llm_response_id = i.id)";

    /// <summary>How often a pick looks again for an open item that filled up to a level it searched already.</summary>
    private const int MaxChooseRounds = 10;

    private (long Id, int Load)? Choose(DbConnection connection, DbTransaction transaction, string dataset, string reviewer, bool skipLocked)
    {
        // The item picked is locked until the transaction ends (where writes run beside each other): a pick that waited
        // for another transaction reads the item as that one left it, and passes it over when its load moved.
        var lockItem = _database.LockRows("i", skipLocked);
        // First pass: items this reviewer has never reviewed (nor said they cannot judge). One query per load level keeps
        // each an index range scan over (dataset, load, id) that skips only the reviewer's own items.
        const string NotReviewedByMe = "NOT EXISTS (SELECT 1 FROM reviews v WHERE v.reviewer_code = @r AND v.llm_response_id = i.id) AND " + NotCannotJudge;
        for (var round = 1; ; round++)
        {
            for (var load = ReviewsPerItem - 1; load >= 0; load--)
            {
                if (Pick(connection, transaction,
                        $"SELECT i.id, i.load FROM llm_responses i WHERE i.dataset = @d AND i.load = @load AND {NotReviewedByMe} ORDER BY i.id LIMIT 1{lockItem}",
                        ("@d", dataset), ("@r", reviewer), ("@load", load)) is { } found)
                    return found;
            }

            // Full items come only after every open one, so not in the pass that skips locked items (an item it skipped
            // may still have room). Where writes run beside each other, each query above saw the items as of its own
            // start, so an item can have filled up to a level already searched: one query over all levels confirms
            // that no open item is left before a full one is handed out.
            if (skipLocked)
                return null;
            if (!_database.ConcurrentReviewerWrites || round == MaxChooseRounds
                || Sql.Scalar(connection, transaction,
                    $"SELECT 1 FROM llm_responses i WHERE i.dataset = @d AND i.load < @full AND {NotReviewedByMe} LIMIT 1",
                    ("@d", dataset), ("@r", reviewer), ("@full", ReviewsPerItem)) is null)
                break;
        }

        if (Pick(connection, transaction,
                $"SELECT i.id, i.load FROM llm_responses i WHERE i.dataset = @d AND i.load >= @full AND {NotReviewedByMe} ORDER BY i.load, i.id LIMIT 1",
                ("@d", dataset), ("@r", reviewer), ("@full", ReviewsPerItem)) is { } full)
            return full;

        // The reviewer has reviewed every item at least once: their current pass is the items they reviewed least.
        return Pick(connection, transaction, $"""
            SELECT i.id, i.load FROM llm_responses i
            JOIN (SELECT llm_response_id, COUNT(*) AS own FROM reviews WHERE reviewer_code = @r GROUP BY llm_response_id) o
              ON o.llm_response_id = i.id
            WHERE i.dataset = @d AND {NotCannotJudge}
            ORDER BY o.own,
                     CASE WHEN i.load < @full THEN 0 ELSE 1 END,
                     CASE WHEN i.load < @full THEN -i.load ELSE i.load END,
                     i.id
            LIMIT 1
            """, ("@d", dataset), ("@r", reviewer), ("@full", ReviewsPerItem));
    }

    private SubmitOutcome Submit(DbConnection connection, DbTransaction transaction, ReviewSubmission submission)
    {
        // A submission id seen before, as a review (first) or a "can't judge": one read of both.
        using (var previous = Sql.Command(connection, transaction, """
            SELECT kind, id, reviewer_code, llm_response_id FROM (
                SELECT 0 AS kind, id, reviewer_code, llm_response_id FROM reviews WHERE submission_id = @s
                UNION ALL
                SELECT 1 AS kind, id, reviewer_code, llm_response_id FROM cannot_judge WHERE submission_id = @s) seen
            ORDER BY kind LIMIT 1
            """, ("@s", submission.SubmissionId)))
        using (var reader = previous.ExecuteReader())
        {
            if (reader.Read())
            {
                return reader.GetString(2) == submission.ReviewerCode && reader.GetInt64(3) == submission.ItemId
                    ? new SubmitOutcome(SubmitStatus.AlreadyStored, reader.GetInt64(1), SubmitMessages.AlreadyStored)
                    : new SubmitOutcome(SubmitStatus.SubmissionIdConflict, null, SubmitMessages.SubmissionIdConflict);
            }
        }

        // Expire first, so that "live" below means the lease still counts toward the item's load right now.
        ExpireInside(connection, transaction, _database.NowMs());
        // The item's dataset, this reviewer's lease on it (null: none) and their reviews of it, in one read.
        string? dataset = null;
        object? leaseState = null;
        long own = 0;
        using (var item = Sql.Command(connection, transaction, """
            SELECT i.dataset,
                   (SELECT a.live FROM assignments a WHERE a.reviewer_code = @r AND a.dataset = i.dataset AND a.llm_response_id = i.id),
                   (SELECT COUNT(*) FROM reviews v WHERE v.reviewer_code = @r AND v.llm_response_id = i.id)
            FROM llm_responses i WHERE i.id = @id
            """, ("@r", submission.ReviewerCode), ("@id", submission.ItemId)))
        using (var reader = item.ExecuteReader())
        {
            if (reader.Read())
                (dataset, leaseState, own) = (reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetValue(1), reader.GetInt64(2));
        }

        if (dataset is null || (submission.Dataset is not null && submission.Dataset != dataset))
            return new SubmitOutcome(SubmitStatus.UnknownItem, null, SubmitMessages.UnknownItem);
        if (leaseState is null)
            return new SubmitOutcome(SubmitStatus.NotAssigned, null, SubmitMessages.NotAssigned);
        var live = Convert.ToInt64(leaseState, System.Globalization.CultureInfo.InvariantCulture) == 1;
        if (submission.CannotJudge)
            return StoreCannotJudge(connection, transaction, submission, dataset, live);

        if (own > 0 && Sql.Scalar(connection, transaction, $"""
                SELECT 1 FROM llm_responses i WHERE i.dataset = @d AND {NotCannotJudge}
                AND (SELECT COUNT(*) FROM reviews v WHERE v.reviewer_code = @r AND v.llm_response_id = i.id) < @own LIMIT 1
                """, ("@d", dataset), ("@r", submission.ReviewerCode), ("@own", own)) is not null)
            return new SubmitOutcome(SubmitStatus.AlreadyReviewed, null, SubmitMessages.AlreadyReviewed);

        if (!live && IsLateReviewUnbalancing(connection, transaction, dataset, submission.ReviewerCode, submission.ItemId, own))
        {
            return new SubmitOutcome(SubmitStatus.LeaseExpired, null, SubmitMessages.LeaseExpired);
        }

        var now = _database.Now();
        var reviewId = Sql.Long(connection, transaction, """
            INSERT INTO reviews (llm_response_id, reviewer_code, score, notes, submission_id, created_at, updated_at)
            VALUES (@id, @r, @score, @notes, @s, @now, @now) RETURNING id
            """, ("@id", submission.ItemId), ("@r", submission.ReviewerCode), ("@score", submission.StoredScore),
            ("@notes", submission.StoredNotes), ("@s", submission.SubmissionId), ("@now", now));
        // The lease ends; a live one already counted in load, a lapsed one did not, so the review adds to it. Sent as one
        // command (one round trip to a server). The update's trigger adds the review to its item's slot of the dataset's
        // running counts.
        Sql.Execute(connection, transaction, """
            DELETE FROM assignments WHERE reviewer_code = @r AND dataset = @d;
            UPDATE llm_responses SET review_count = review_count + 1, load = load + @extra WHERE id = @id
            """, ("@r", submission.ReviewerCode), ("@d", dataset), ("@extra", live ? 0 : 1), ("@id", submission.ItemId));
        return new SubmitOutcome(SubmitStatus.Stored, reviewId, SubmitMessages.Stored);
    }

    /// <summary>
    /// "Can't judge": stored apart from reviews (the item's review count does not change), and the lease is let go, so
    /// the place it held goes to the next reviewer.
    /// </summary>
    private SubmitOutcome StoreCannotJudge(DbConnection connection, DbTransaction transaction, ReviewSubmission submission, string dataset, bool live)
    {
        var id = Sql.Long(connection, transaction, """
            INSERT INTO cannot_judge (llm_response_id, reviewer_code, notes, submission_id, created_at)
            VALUES (@id, @r, @notes, @s, @now) RETURNING id
            """, ("@id", submission.ItemId), ("@r", submission.ReviewerCode), ("@notes", submission.StoredNotes), ("@s", submission.SubmissionId),
            ("@now", _database.Now()));
        if (live)
            Sql.Execute(connection, transaction, "UPDATE llm_responses SET load = load - 1 WHERE id = @id", ("@id", submission.ItemId));
        Sql.Execute(connection, transaction, "DELETE FROM assignments WHERE reviewer_code = @r AND dataset = @d",
            ("@r", submission.ReviewerCode), ("@d", dataset));
        return new SubmitOutcome(SubmitStatus.Stored, id, SubmitMessages.StoredCannotJudge);
    }

    /// <summary>The reviewer's last submission in the dataset (a review or a "can't judge"), or null.</summary>
    public LastSubmission? Last(string dataset, string reviewerCode)
    {
        using var connection = _database.OpenConnection();
        return Last(connection, null, dataset, reviewerCode);
    }

    private LastSubmission? Last(DbConnection connection, DbTransaction? transaction, string dataset, string reviewer)
    {
        // The newest of each kind first, each walking its (reviewer, created_at, id) index from the end and stopping at
        // the first row in the dataset, then the newer of the two: the same row as ordering all of them, without
        // reading every submission the reviewer made.
        using var command = Sql.Command(connection, transaction, """
            SELECT kind, id, llm_response_id, submission_id, score, created_at, title FROM (
                SELECT * FROM (
                    SELECT 0 AS kind, v.id, v.llm_response_id, v.submission_id, v.score, v.created_at, i.prompt_title AS title
                    FROM reviews v JOIN llm_responses i ON i.id = v.llm_response_id WHERE v.reviewer_code = @r AND i.dataset = @d
                    ORDER BY v.created_at DESC, v.id DESC LIMIT 1) newest_review
                UNION ALL
                SELECT * FROM (
                    SELECT 1 AS kind, c.id, c.llm_response_id, c.submission_id, CAST(NULL AS DOUBLE PRECISION) AS score, c.created_at, i.prompt_title AS title
                    FROM cannot_judge c JOIN llm_responses i ON i.id = c.llm_response_id WHERE c.reviewer_code = @r AND i.dataset = @d
                    ORDER BY c.created_at DESC, c.id DESC LIMIT 1) newest_cannot_judge) submissions
            ORDER BY created_at DESC, kind, id DESC LIMIT 1
            """, ("@r", reviewer), ("@d", dataset));
        using var reader = command.ExecuteReader();
        if (!reader.Read())
            return null;
        var created = reader.GetString(5);
        var undoUntil = DateTimeOffset.TryParse(created, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out var at) ? at + _leaseDuration : (DateTimeOffset?)null;
        return new LastSubmission(reader.GetInt64(2), reader.GetString(6), reader.GetString(3), reader.GetInt64(0) == 1,
            reader.IsDBNull(4) ? null : reader.GetDouble(4), created, undoUntil is { } until && until > _database.Time.GetUtcNow())
        {
            RowId = reader.GetInt64(1),
        };
    }

    /// <summary>
    /// Takes back the reviewer's last submission in the dataset while its item is still theirs: it must be their latest
    /// (named by its submission id, so a stale page cannot take back another) and no older than a lease, the time the
    /// item was held for them. The review (or "can't judge") is deleted and the item is theirs again under a fresh
    /// lease, in place of the one they held: the item's load is unchanged, so nobody else was offered its place.
    /// </summary>
    public Task<UndoOutcome> UndoAsync(string dataset, string reviewerCode, string submissionId, CancellationToken cancellationToken = default) =>
        _database.WriteAsync((connection, transaction) =>
        {
            var last = Last(connection, transaction, dataset, reviewerCode);
            if (last is null)
                return new UndoOutcome(false, null, "you have nothing to undo in this dataset");
            if (last.SubmissionId != submissionId)
                return new UndoOutcome(false, null, "only your last submission can be undone");
            if (!last.Undoable)
                return new UndoOutcome(false, null, "too late to undo: the answer is no longer held for you");

            var nowMs = _database.NowMs();
            ExpireLeases(connection, transaction, nowMs);
            if (last.CannotJudge)
            {
                Sql.Execute(connection, transaction, "DELETE FROM cannot_judge WHERE id = @id", ("@id", last.RowId));
                Sql.Execute(connection, transaction, "UPDATE llm_responses SET load = load + 1 WHERE id = @id", ("@id", last.ItemId));
            }
            else
            {
                Sql.Execute(connection, transaction, "DELETE FROM reviews WHERE id = @id", ("@id", last.RowId));
                // The review's place in the item's load becomes the lease below.
                Sql.Execute(connection, transaction, "UPDATE llm_responses SET review_count = review_count - 1 WHERE id = @id", ("@id", last.ItemId));
                var stillReviewed = Sql.Scalar(connection, transaction,
                    "SELECT 1 FROM reviews WHERE reviewer_code = @r AND llm_response_id = @id", ("@r", reviewerCode), ("@id", last.ItemId)) is not null;
                Sql.Execute(connection, transaction,
                    "UPDATE reviewer_counts SET reviews = reviews - 1, items = items - @gone WHERE reviewer_code = @r AND dataset = @d",
                    ("@gone", stillReviewed ? 0 : 1), ("@r", reviewerCode), ("@d", dataset));
            }

            // The lease the reviewer held meanwhile (the next item) is let go.
            using (var held = Sql.Command(connection, transaction,
                "SELECT llm_response_id, live FROM assignments WHERE reviewer_code = @r AND dataset = @d", ("@r", reviewerCode), ("@d", dataset)))
            using (var reader = held.ExecuteReader())
            {
                if (reader.Read())
                {
                    var heldItem = reader.GetInt64(0);
                    var heldLive = reader.GetInt64(1) == 1;
                    reader.Close();
                    if (heldLive)
                        Sql.Execute(connection, transaction, "UPDATE llm_responses SET load = load - 1 WHERE id = @id", ("@id", heldItem));
                    Sql.Execute(connection, transaction, "DELETE FROM assignments WHERE reviewer_code = @r AND dataset = @d", ("@r", reviewerCode), ("@d", dataset));
                }
            }

            Sql.Execute(connection, transaction, """
                INSERT INTO assignments (reviewer_code, dataset, llm_response_id, assigned_at, expires_at_ms, live)
                VALUES (@r, @d, @id, @now, @e, 1)
                """, ("@r", reviewerCode), ("@d", dataset), ("@id", last.ItemId), ("@now", _database.Now()),
                ("@e", nowMs + (long)_leaseDuration.TotalMilliseconds));
            return new UndoOutcome(true, last.ItemId, last.CannotJudge ? "\"can't judge\" undone" : "review undone");
        }, cancellationToken);

    /// <summary>
    /// Whether a review on a lapsed lease would break the balance. Once the lease lapsed it stopped counting, so others
    /// may have been given the item since. The late review is taken when the item still needs one (load below 3), or
    /// when this reviewer has no item below 3 left in their current pass, which is when <see cref="Choose"/> would hand
    /// them a full item anyway. Otherwise it would give the item a fourth review while an item this reviewer could
    /// have helped has fewer than three.
    /// </summary>
    private bool IsLateReviewUnbalancing(
        DbConnection connection, DbTransaction transaction, string dataset, string reviewer, long itemId, long own)
    {
        var load = Sql.Long(connection, transaction, "SELECT load FROM llm_responses i WHERE i.id = @id" + _database.LockRows("i"), ("@id", itemId));
        if (load < ReviewsPerItem)
            return false;
        return Sql.Scalar(connection, transaction, $"""
            SELECT 1 FROM llm_responses i
            WHERE i.dataset = @d AND i.load < @full AND i.id <> @id AND {NotCannotJudge}
              AND (SELECT COUNT(*) FROM reviews v WHERE v.reviewer_code = @r AND v.llm_response_id = i.id) <= @own
            LIMIT 1
            """, ("@d", dataset), ("@full", ReviewsPerItem), ("@id", itemId), ("@r", reviewer), ("@own", own)) is not null;
    }

    /// <summary>
    /// Leases past their time stop counting toward their item's load (the row stays, so a late submission can still be
    /// weighed). Where reviewers' writes run beside each other (PostgreSQL), a reviewer's transaction does not expire
    /// leases itself (expiring touches every reviewer's leases): it checks in its first round trip whether one is due,
    /// and if so gives way to a serial write that expires them, then starts again (see
    /// <see cref="LabelDatabase.WriteForReviewerAsync"/>); the transaction counts every lease it sees as live, as a
    /// write an instant earlier would have. SQLite expires them inside the transaction itself.
    /// </summary>
    private static void ExpireLeases(DbConnection connection, DbTransaction transaction, long nowMs)
    {
        Sql.Execute(connection, transaction, """
            UPDATE llm_responses SET load = load - (
                SELECT COUNT(*) FROM assignments a WHERE a.llm_response_id = llm_responses.id AND a.live = 1 AND a.expires_at_ms <= @now)
            WHERE id IN (SELECT llm_response_id FROM assignments WHERE live = 1 AND expires_at_ms <= @now)
            """, ("@now", nowMs));
        Sql.Execute(connection, transaction, "UPDATE assignments SET live = 0 WHERE live = 1 AND expires_at_ms <= @now", ("@now", nowMs));
    }

    private static (long Id, int Load)? Pick(DbConnection connection, DbTransaction transaction, string sql, params (string, object?)[] parameters)
    {
        using var command = Sql.Command(connection, transaction, sql, parameters);
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetInt64(0), reader.GetInt32(1)) : null;
    }

    private static DateTimeOffset FromMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);
}
