using System.Data.Common;
using System.Text.Json;
using SycoBench.Reviews;

namespace SycoBench.Labeling.Storage;

/// <summary>The answers to be labeled (<c>llm_responses</c>): pushing seeds in, status, and what a reviewer is shown.</summary>
public sealed class ItemCatalog
{
    public const int MaxIdentifierLength = 500;
    private readonly LabelDatabase _database;

    internal ItemCatalog(LabelDatabase database)
    {
        _database = database;
    }

    /// <summary>What <see cref="Push(string, DatasetScale?, IReadOnlyList{LabelSeed})"/> would do, without writing anything.</summary>
    public PushPlan Plan(string dataset, IReadOnlyList<LabelSeed> seeds) => Plan(dataset, null, seeds);

    /// <inheritdoc cref="Plan(string, IReadOnlyList{LabelSeed})"/>
    public PushPlan Plan(string dataset, DatasetScale? scale, IReadOnlyList<LabelSeed> seeds)
    {
        using var connection = _database.OpenConnection();
        var (target, created) = DatasetCatalog.Resolve(connection, null, dataset, scale, _database.Now(), create: false);
        return Compare(connection, null, dataset, seeds, applied: false) with { Scale = target.Scale, NewDataset = created };
    }

    /// <summary>The plan for a database that does not exist yet: every distinct valid seed would be new, in a new dataset.</summary>
    public static PushPlan PlanForEmptyDatabase(string dataset, IReadOnlyList<LabelSeed> seeds) => PlanForEmptyDatabase(dataset, null, seeds);

    /// <inheritdoc cref="PlanForEmptyDatabase(string, IReadOnlyList{LabelSeed})"/>
    public static PushPlan PlanForEmptyDatabase(string dataset, DatasetScale? scale, IReadOnlyList<LabelSeed> seeds)
    {
        if (LabelDatasets.NameProblem(dataset) is { } problem)
            throw new InputException(problem);
        ArgumentNullException.ThrowIfNull(seeds);
        var chosen = scale ?? LabelDatasets.BuiltInScale(dataset)
            ?? throw new InputException($"dataset '{dataset}' does not exist yet and no scale was given for it: name its scale (a scenario, or aita) with --scale");
        ThrowIfInvalid(seeds);
        var seen = new HashSet<(string, string)>();
        var added = seeds.Where(s => seen.Add((s.Identifier, s.RunId ?? ""))).ToList();
        return new PushPlan(dataset, added, [], [], seeds.Count - added.Count, Applied: false) { Scale = chosen, NewDataset = true };
    }

    /// <summary>
    /// Adds the new seeds to a dataset of a built-in name (<c>scenario</c>, <c>aita</c>) or one that exists already.
    /// </summary>
    public PushPlan Push(string dataset, IReadOnlyList<LabelSeed> seeds) => Push(dataset, null, seeds);

    /// <summary>
    /// Adds the new seeds in one transaction: either all of them are stored or none. The dataset is made with
    /// <paramref name="scale"/> by the first push; a later push must bring the same anchors (or none).
    /// </summary>
    public PushPlan Push(string dataset, DatasetScale? scale, IReadOnlyList<LabelSeed> seeds)
    {
        return _database.Write((connection, transaction) =>
        {
            var now = _database.Now();
            var (target, created) = DatasetCatalog.Resolve(connection, transaction, dataset, scale, now, create: true);
            var plan = Compare(connection, transaction, dataset, seeds, applied: true) with { Scale = target.Scale, NewDataset = created };
            using var insert = Sql.Command(connection, transaction, """
                INSERT INTO llm_responses (dataset, identifier, prompt_title, prompt_body, model_response_text, model_id, run_id, metadata_json, created_at)
                VALUES (@dataset, @identifier, @title, @body, @response, @model, @run, @metadata, @now)
                """,
                ("@dataset", dataset), ("@identifier", ""), ("@title", ""), ("@body", ""), ("@response", ""),
                ("@model", null), ("@run", ""), ("@metadata", null), ("@now", now));
            foreach (var seed in plan.New)
            {
                insert.Parameters["@identifier"].Value = seed.Identifier;
                insert.Parameters["@title"].Value = seed.PromptTitle ?? "";
                insert.Parameters["@body"].Value = seed.PromptBody;
                insert.Parameters["@response"].Value = seed.ModelResponseText;
                insert.Parameters["@model"].Value = (object?)seed.ModelId ?? DBNull.Value;
                insert.Parameters["@run"].Value = seed.RunId ?? "";
                insert.Parameters["@metadata"].Value = MetadataJson(seed) ?? (object)DBNull.Value;
                insert.ExecuteNonQuery();
            }

            return plan;
        });
    }

    /// <summary>Checks a seed; the message names the field. Null when the seed can be stored.</summary>
    public static string? Validate(LabelSeed seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        if (string.IsNullOrWhiteSpace(seed.Identifier))
            return "field 'identifier': must not be empty";
        if (seed.Identifier.Length > MaxIdentifierLength)
            return $"field 'identifier': longer than {MaxIdentifierLength} characters";
        if (string.IsNullOrWhiteSpace(seed.PromptBody))
            return "field 'prompt_body': must not be empty";
        if (string.IsNullOrWhiteSpace(seed.ModelResponseText))
            return "field 'model_response_text': must not be empty";
        if (seed.Metadata is { } metadata && metadata.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
            return "field 'metadata': must be a JSON object";
        return null;
    }

    public IReadOnlyList<string> Datasets()
    {
        using var connection = _database.OpenConnection();
        return Sql.Strings(connection, null, "SELECT dataset FROM dataset_count_slots GROUP BY dataset HAVING SUM(items) > 0 ORDER BY dataset");
    }

    /// <summary>A dataset's running counts: the sums over its slots (see migration 7), zero for a dataset without items.</summary>
    private const string SlotSums =
        "CAST(COALESCE(SUM(items), 0) AS BIGINT) AS items, CAST(COALESCE(SUM(reviews), 0) AS BIGINT) AS reviews, " +
        "CAST(COALESCE(SUM(items_1), 0) AS BIGINT) AS items_1, CAST(COALESCE(SUM(items_2), 0) AS BIGINT) AS items_2, " +
        "CAST(COALESCE(SUM(items_3), 0) AS BIGINT) AS items_3";

    /// <summary>Items by review count, reviews, reviewers, live leases and coverage of a dataset, from the running counts.</summary>
    public DatasetStatus Status(string dataset)
    {
        using var connection = _database.OpenConnection();
        long items = 0, reviews = 0, one = 0, two = 0, three = 0;
        using (var command = Sql.Command(connection, null,
            $"SELECT {SlotSums} FROM dataset_count_slots WHERE dataset = @dataset", ("@dataset", dataset)))
        using (var reader = command.ExecuteReader())
        {
            if (reader.Read())
                (items, reviews, one, two, three) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
        }

        var reviewers = Sql.Long(connection, null, "SELECT COUNT(*) FROM reviewer_counts WHERE dataset = @dataset", ("@dataset", dataset));
        var leases = Sql.Long(connection, null,
            "SELECT COUNT(*) FROM assignments WHERE dataset = @dataset AND live = 1 AND expires_at_ms > @now",
            ("@dataset", dataset), ("@now", _database.NowMs()));
        var coverage = items == 0 ? 0 : (one + 2 * two + 3 * three) / (3.0 * items);
        long aiReviews = 0, aiReviewers = 0;
        using (var command = Sql.Command(connection, null, """
            SELECT COUNT(*), COUNT(DISTINCT a.reviewer_code) FROM ai_reviews a
            WHERE EXISTS (SELECT 1 FROM llm_responses i WHERE i.id = a.llm_response_id AND i.dataset = @dataset)
            """, ("@dataset", dataset)))
        using (var reader = command.ExecuteReader())
        {
            if (reader.Read())
                (aiReviews, aiReviewers) = (reader.GetInt64(0), reader.GetInt64(1));
        }

        var cannotJudge = Sql.Long(connection, null,
            "SELECT COUNT(*) FROM cannot_judge c WHERE EXISTS (SELECT 1 FROM llm_responses i WHERE i.id = c.llm_response_id AND i.dataset = @dataset)", ("@dataset", dataset));
        return new DatasetStatus(dataset, items, [items - one - two - three, one, two, three], reviews, reviewers, leases, coverage)
        {
            AiReviews = aiReviews,
            AiReviewers = aiReviewers,
            CannotJudge = cannotJudge,
        };
    }

    /// <summary>
    /// A review page's counts in one read of the running counts (two rows found by their keys): the dataset's coverage
    /// and this reviewer's progress. The page is asked for on every review, so it reads nothing it does not show.
    /// </summary>
    public (DatasetCoverage Coverage, ReviewerProgress Progress) PageCounts(string dataset, string reviewerCode) =>
        PageCounts(_database, dataset, reviewerCode);

    /// <summary><see cref="PageCounts(string, string)"/> on a database (a pooled connection of its own).</summary>
    internal static (DatasetCoverage Coverage, ReviewerProgress Progress) PageCounts(LabelDatabase database, string dataset, string reviewerCode)
    {
        using var connection = database.OpenConnection();
        using var command = Sql.Command(connection, null, PageCountsSql, ("@dataset", dataset), ("@reviewer", reviewerCode));
        using var reader = command.ExecuteReader();
        reader.Read();
        return ReadPageCounts(reader, dataset);
    }

    /// <summary>The query of <see cref="PageCounts"/> (parameters <c>@dataset</c>, <c>@reviewer</c>): one row.</summary>
    internal const string PageCountsSql = $"""
        SELECT d.items, d.reviews, d.items_1, d.items_2, d.items_3, COALESCE(r.items, 0), COALESCE(r.reviews, 0)
        FROM (SELECT {SlotSums} FROM dataset_count_slots WHERE dataset = @dataset) d
        LEFT JOIN reviewer_counts r ON r.dataset = @dataset AND r.reviewer_code = @reviewer
        """;

    /// <summary>The row of <see cref="PageCountsSql"/> the reader is on.</summary>
    internal static (DatasetCoverage Coverage, ReviewerProgress Progress) ReadPageCounts(DbDataReader reader, string dataset)
    {
        var (items, reviews, one, two, three) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
        return (new DatasetCoverage(dataset, items, [items - one - two - three, one, two, three], reviews),
            new ReviewerProgress(reader.GetInt64(5), reader.GetInt64(6), items));
    }

    public ReviewerProgress Progress(string dataset, string reviewerCode)
    {
        using var connection = _database.OpenConnection();
        using var command = Sql.Command(connection, null, """
            SELECT COALESCE(r.items, 0), COALESCE(r.reviews, 0), d.items
            FROM (SELECT CAST(COALESCE(SUM(items), 0) AS BIGINT) AS items FROM dataset_count_slots WHERE dataset = @dataset) d
            LEFT JOIN reviewer_counts r ON r.dataset = @dataset AND r.reviewer_code = @reviewer
            """, ("@reviewer", reviewerCode), ("@dataset", dataset));
        using var reader = command.ExecuteReader();
        reader.Read();
        return new ReviewerProgress(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    /// <summary>Every item of a dataset (or of all datasets when null), oldest first, streamed from one read transaction.</summary>
    public IEnumerable<StoredItem> List(string? dataset)
    {
        using var connection = _database.OpenConnection();
        using var transaction = _database.BeginRead(connection);
        using var command = Sql.Command(connection, transaction, """
            SELECT id, dataset, identifier, prompt_title, prompt_body, model_response_text, model_id, run_id, metadata_json, created_at
            FROM llm_responses WHERE CAST(@d AS TEXT) IS NULL OR dataset = @d ORDER BY id
            """, ("@d", dataset));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var runId = reader.GetString(7);
            var metadata = Sql.NullableString(reader, 8);
            yield return new StoredItem(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                Sql.NullableString(reader, 6), runId.Length == 0 ? null : runId,
                metadata is null ? null : JsonDocument.Parse(metadata).RootElement.Clone(), reader.GetString(9));
        }
    }

    public LabelItem? Find(long id)
    {
        using var connection = _database.OpenConnection();
        return Find(connection, null, id);
    }

    internal static LabelItem? Find(DbConnection connection, DbTransaction? transaction, long id)
    {
        using var command = Sql.Command(connection, transaction,
            "SELECT id, dataset, prompt_title, prompt_body, model_response_text FROM llm_responses WHERE id = @id", ("@id", id));
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new LabelItem(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4))
            : null;
    }

    private static PushPlan Compare(DbConnection connection, DbTransaction? transaction, string dataset, IReadOnlyList<LabelSeed> seeds, bool applied)
    {
        ThrowIfInvalid(seeds);
        var seen = new HashSet<(string, string)>();
        List<LabelSeed> added = [], unchanged = [], differing = [];
        var duplicates = 0;
        using var lookup = Sql.Command(connection, transaction, """
            SELECT prompt_title, prompt_body, model_response_text, model_id, metadata_json FROM llm_responses
            WHERE dataset = @dataset AND identifier = @identifier AND run_id = @run
            """, ("@dataset", dataset), ("@identifier", ""), ("@run", ""));
        foreach (var seed in seeds)
        {
            if (!seen.Add((seed.Identifier, seed.RunId ?? "")))
            {
                duplicates++;
                continue;
            }

            lookup.Parameters["@identifier"].Value = seed.Identifier;
            lookup.Parameters["@run"].Value = seed.RunId ?? "";
            using var reader = lookup.ExecuteReader();
            if (!reader.Read())
                added.Add(seed);
            else if (reader.GetString(0) == (seed.PromptTitle ?? "") && reader.GetString(1) == seed.PromptBody
                     && reader.GetString(2) == seed.ModelResponseText && Sql.NullableString(reader, 3) == seed.ModelId
                     && Sql.NullableString(reader, 4) == MetadataJson(seed))
                unchanged.Add(seed);
            else
                differing.Add(seed);
        }

        return new PushPlan(dataset, added, unchanged, differing, duplicates, applied);
    }

    private static void ThrowIfInvalid(IReadOnlyList<LabelSeed> seeds)
    {
        foreach (var seed in seeds)
        {
            if (Validate(seed) is { } problem)
                throw new InputException($"seed '{seed.Identifier}': {problem}");
        }
    }

    private static string? MetadataJson(LabelSeed seed) =>
        seed.Metadata is { ValueKind: JsonValueKind.Object } metadata ? metadata.GetRawText() : null;
}
