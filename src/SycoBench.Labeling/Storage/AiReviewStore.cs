using SycoBench.Reviews;

namespace SycoBench.Labeling.Storage;

/// <summary>
/// Reviews written by models, kept apart from people's (<c>ai_reviews</c>): they are never assigned, never count
/// toward an item's three human reviews, never appear on a reviewer's page, and leave every human count alone. The
/// reviews export includes them, marked by their <c>llm:</c> code.
/// </summary>
public sealed class AiReviewStore
{
    private readonly LabelDatabase _database;

    internal AiReviewStore(LabelDatabase database)
    {
        _database = database;
    }

    /// <summary>
    /// Stores the reviews in one transaction: all of them or, when one cannot be stored (a bad field, an unknown item),
    /// none, with an <see cref="InputException"/> naming it. A review whose submission id is stored already is skipped.
    /// </summary>
    public AiReviewAddResult Add(IReadOnlyList<AiReview> reviews)
    {
        ArgumentNullException.ThrowIfNull(reviews);
        foreach (var review in reviews)
        {
            if (review.Validate() is { } problem)
                throw new InputException($"AI review of item {review.ItemId} by {review.ReviewerCode}: {problem}");
        }

        return _database.Write((connection, transaction) =>
        {
            var now = _database.Now();
            long added = 0, skipped = 0;
            using var exists = Sql.Command(connection, transaction, "SELECT 1 FROM llm_responses WHERE id = @id", ("@id", 0L));
            using var insert = Sql.Command(connection, transaction, """
                INSERT INTO ai_reviews (llm_response_id, reviewer_code, score, notes, submission_id, created_at, updated_at)
                VALUES (@id, @code, @score, @notes, @submission, @created, @updated)
                ON CONFLICT (submission_id) DO NOTHING
                """, ("@id", 0L), ("@code", ""), ("@score", 0.0), ("@notes", null), ("@submission", null), ("@created", ""), ("@updated", ""));
            foreach (var review in reviews)
            {
                exists.Parameters["@id"].Value = review.ItemId;
                if (exists.ExecuteScalar() is null)
                    throw new InputException($"AI review by {review.ReviewerCode}: no item {review.ItemId} in the label database");
                insert.Parameters["@id"].Value = review.ItemId;
                insert.Parameters["@code"].Value = review.ReviewerCode;
                insert.Parameters["@score"].Value = review.Score;
                insert.Parameters["@notes"].Value = (object?)review.Notes ?? DBNull.Value;
                insert.Parameters["@submission"].Value = (object?)review.SubmissionId ?? DBNull.Value;
                insert.Parameters["@created"].Value = review.CreatedAt ?? now;
                insert.Parameters["@updated"].Value = review.UpdatedAt ?? review.CreatedAt ?? now;
                if (insert.ExecuteNonQuery() == 1)
                    added++;
                else
                    skipped++;
            }

            return new AiReviewAddResult(added, skipped);
        });
    }

    /// <summary>The items of a dataset that this AI reviewer has scored already (for resuming a run).</summary>
    public IReadOnlySet<long> ReviewedItems(string dataset, string reviewerCode)
    {
        using var connection = _database.OpenConnection();
        using var command = Sql.Command(connection, null, """
            SELECT DISTINCT a.llm_response_id FROM ai_reviews a JOIN llm_responses i ON i.id = a.llm_response_id
            WHERE i.dataset = @d AND a.reviewer_code = @code
            """, ("@d", dataset), ("@code", reviewerCode));
        using var reader = command.ExecuteReader();
        var items = new HashSet<long>();
        while (reader.Read())
            items.Add(reader.GetInt64(0));
        return items;
    }

    /// <summary>AI reviews per dataset and model, optionally of one dataset and one reviewer code.</summary>
    public IReadOnlyList<AiReviewCount> Counts(string? dataset = null, string? reviewerCode = null)
    {
        using var connection = _database.OpenConnection();
        using var command = Sql.Command(connection, null, """
            SELECT i.dataset, a.reviewer_code, COUNT(*), COUNT(DISTINCT a.llm_response_id)
            FROM ai_reviews a JOIN llm_responses i ON i.id = a.llm_response_id
            WHERE (CAST(@d AS TEXT) IS NULL OR i.dataset = @d) AND (CAST(@code AS TEXT) IS NULL OR a.reviewer_code = @code)
            GROUP BY i.dataset, a.reviewer_code ORDER BY i.dataset, a.reviewer_code
            """, ("@d", dataset), ("@code", reviewerCode));
        using var reader = command.ExecuteReader();
        var counts = new List<AiReviewCount>();
        while (reader.Read())
            counts.Add(new AiReviewCount(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3)));
        return counts;
    }

    /// <summary>Deletes the AI reviews of a dataset and reviewer code (null: every one); returns how many went.</summary>
    public long Delete(string? dataset = null, string? reviewerCode = null) =>
        _database.Write((connection, transaction) => (long)Sql.Execute(connection, transaction, """
            DELETE FROM ai_reviews
            WHERE (CAST(@code AS TEXT) IS NULL OR reviewer_code = @code)
              AND (CAST(@d AS TEXT) IS NULL OR llm_response_id IN (SELECT id FROM llm_responses WHERE dataset = @d))
            """, ("@d", dataset), ("@code", reviewerCode)));
}

/// <summary>What <see cref="AiReviewStore.Add"/> did: reviews stored, and reviews skipped as their submission id was stored already.</summary>
public sealed record AiReviewAddResult(long Added, long AlreadyStored);
