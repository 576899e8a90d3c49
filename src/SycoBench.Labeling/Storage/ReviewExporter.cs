using System.Text.Json;
using SycoBench.Reviews;

namespace SycoBench.Labeling.Storage;

/// <summary>
/// Reads reviews out as export records (SPEC §7 fields, then the run, metadata, the reviewed text and the last change),
/// people's first, oldest first, then AI reviews (<c>llm:</c> codes, from <see cref="AiReviewStore"/>), oldest first.
/// </summary>
public sealed class ReviewExporter
{
    private readonly LabelDatabase _database;

    internal ReviewExporter(LabelDatabase database)
    {
        _database = database;
    }

    /// <summary>
    /// Streams the reviews of <paramref name="dataset"/>, or of every dataset when it is null; the snapshot is one read
    /// transaction, so a running server does not tear it.
    /// </summary>
    public IEnumerable<ReviewExport> Reviews(string? dataset)
    {
        using var connection = _database.OpenConnection();
        using var transaction = _database.BeginRead(connection);
        using var command = Sql.Command(connection, transaction, """
            SELECT v.llm_response_id, v.reviewer_code, v.score, v.notes, v.created_at, i.dataset, i.identifier, i.model_id, i.run_id, i.metadata_json,
                   i.prompt_title, i.prompt_body, i.model_response_text, v.updated_at, v.kind, v.id
            FROM (SELECT 0 AS kind, id, llm_response_id, reviewer_code, score, notes, created_at, updated_at FROM reviews
                  UNION ALL
                  SELECT 1, id, llm_response_id, reviewer_code, score, notes, created_at, updated_at FROM ai_reviews) v
            JOIN llm_responses i ON i.id = v.llm_response_id
            WHERE CAST(@d AS TEXT) IS NULL OR i.dataset = @d
            ORDER BY v.kind, v.id
            """, ("@d", dataset));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var metadata = Sql.NullableString(reader, 9);
            var runId = reader.GetString(8);
            yield return new ReviewExport
            {
                LlmResponseId = reader.GetInt64(0),
                ReviewerCode = reader.GetString(1),
                Score = reader.GetDouble(2),
                Notes = Sql.NullableString(reader, 3),
                ReviewCreatedAt = reader.GetString(4),
                Dataset = reader.GetString(5),
                Identifier = reader.GetString(6),
                ModelId = Sql.NullableString(reader, 7),
                RunId = runId.Length == 0 ? null : runId,
                Metadata = metadata is null ? null : JsonDocument.Parse(metadata).RootElement.Clone(),
                PromptTitle = reader.GetString(10),
                PromptBody = reader.GetString(11),
                ModelResponseText = reader.GetString(12),
                ReviewUpdatedAt = reader.GetString(13),
            };
        }
    }
}
