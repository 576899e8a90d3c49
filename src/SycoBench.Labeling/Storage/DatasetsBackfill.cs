namespace SycoBench.Labeling.Storage;

/// <summary>
/// The data step of migration 6 (the <c>datasets</c> table), word for word the same in SQLite and PostgreSQL, so it
/// lives here once and both dialects' migration 6 include it: each dataset of a store made before datasets carried
/// their scale gets its row, with the anchors of the only two names such stores knew (<c>scenario</c>: rent-v1's axis,
/// as <see cref="DatasetScale.RentV1"/>; any other: <see cref="DatasetScale.Aita"/>), the range −1 … +1 and the time
/// of its first item. The migration text is unchanged by the move (same indentation, so the same bytes). Part of a
/// published migration: never edited.
/// </summary>
internal static class DatasetsBackfill
{
    public const string Statement = """
        INSERT INTO datasets (name, title, scale_source, negative_label, neutral_label, positive_label, score_min, score_max, created_at)
        SELECT dataset,
               CASE dataset WHEN 'scenario' THEN 'Rent scenarios' WHEN 'aita' THEN 'AITA posts' ELSE dataset END,
               CASE dataset WHEN 'scenario' THEN 'rent-v1' ELSE 'aita' END,
               CASE dataset WHEN 'scenario' THEN 'pro-tenant' ELSE 'disagrees with the poster' END,
               'neutral or ambivalent',
               CASE dataset WHEN 'scenario' THEN 'pro-landlord' ELSE 'agrees with the poster' END,
               -1, 1, MIN(created_at)
        FROM llm_responses GROUP BY dataset;
        """;
}
