using System.Collections.Concurrent;
using System.Data.Common;

namespace SycoBench.Labeling.Storage;

/// <summary>
/// The store's datasets and their scales (<c>datasets</c>). A dataset is made by the first push into it and its scale
/// never changes afterwards (a push with other anchors is refused), so a dataset once found is remembered for the life
/// of the store: the review page reads its anchors without a query. A name not found is asked again every time, as
/// another process (a <c>portal push</c> while the server runs) may make it.
/// </summary>
public sealed class DatasetCatalog
{
    private readonly LabelDatabase _database;
    private readonly ConcurrentDictionary<string, LabelDataset> _found = new(StringComparer.Ordinal);

    internal DatasetCatalog(LabelDatabase database)
    {
        _database = database;
    }

    private const string Columns = "name, title, scale_source, negative_label, neutral_label, positive_label, score_min, score_max, created_at";

    /// <summary>Every dataset, by name.</summary>
    public IReadOnlyList<LabelDataset> List()
    {
        using var connection = _database.OpenConnection();
        using var command = Sql.Command(connection, null, $"SELECT {Columns} FROM datasets ORDER BY name");
        using var reader = command.ExecuteReader();
        var list = new List<LabelDataset>();
        while (reader.Read())
            list.Add(Read(reader));
        return list;
    }

    public IReadOnlyList<string> Names() => List().Select(d => d.Name).ToList();

    public LabelDataset? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_found.TryGetValue(name, out var known))
            return known;
        using var connection = _database.OpenConnection();
        var dataset = Find(connection, null, name);
        if (dataset is not null)
            _found.TryAdd(name, dataset);
        return dataset;
    }

    /// <summary>
    /// The dataset of this name, or for a built-in name (<c>aita</c>, <c>scenario</c>) not pushed to yet the empty dataset
    /// it would be; null for any other name not stored.
    /// </summary>
    public LabelDataset? FindOrBuiltIn(string name) =>
        Find(name) ?? (LabelDatasets.BuiltInScale(name) is { } scale ? new LabelDataset(name, scale, "") : null);

    /// <summary>The stored datasets and, before them where not stored, the built-in ones: what the admin pages list.</summary>
    public IReadOnlyList<LabelDataset> ListWithBuiltIn()
    {
        var stored = List();
        var names = stored.Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        return LabelDatasets.BuiltIn.Where(n => !names.Contains(n)).Select(n => new LabelDataset(n, LabelDatasets.BuiltInScale(n)!, "")).Concat(stored)
            .OrderBy(d => d.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The dataset of this name (or the built-in one not pushed to yet); an <see cref="UnknownDatasetException"/> listing
    /// the known ones when there is none.
    /// </summary>
    public LabelDataset Require(string name) =>
        FindOrBuiltIn(name) ?? throw new UnknownDatasetException(name, ListWithBuiltIn().Select(d => d.Name).ToList(), _database.Path);

    internal static LabelDataset? Find(DbConnection connection, DbTransaction? transaction, string name)
    {
        using var command = Sql.Command(connection, transaction, $"SELECT {Columns} FROM datasets WHERE name = @name", ("@name", name));
        using var reader = command.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    }

    /// <summary>
    /// The dataset a push writes into, inside the push's transaction: the stored one when its anchors are those of
    /// <paramref name="scale"/> (or no scale is given), a new one with <paramref name="scale"/> (or the built-in scale of
    /// its name) when there is none. Refuses other anchors and a new dataset without a scale.
    /// </summary>
    internal static (LabelDataset Dataset, bool Created) Resolve(DbConnection connection, DbTransaction? transaction, string name, DatasetScale? scale, string now, bool create)
    {
        if (LabelDatasets.NameProblem(name) is { } problem)
            throw new InputException(problem);
        if (Find(connection, transaction, name) is { } stored)
        {
            if (scale is not null && !stored.Scale.HasSameAnchors(scale))
                throw new DatasetScaleMismatchException(name, stored.Scale, scale);
            return (stored, false);
        }

        var chosen = scale ?? LabelDatasets.BuiltInScale(name)
            ?? throw new InputException($"dataset '{name}' does not exist yet and no scale was given for it: name its scale (a scenario, or aita) with --scale");
        var dataset = new LabelDataset(name, chosen, now);
        if (create)
            Insert(connection, transaction, dataset);
        return (dataset, true);
    }

    internal static void Insert(DbConnection connection, DbTransaction? transaction, LabelDataset dataset)
    {
        var s = dataset.Scale;
        Sql.Execute(connection, transaction, $"""
            INSERT INTO datasets ({Columns})
            VALUES (@name, @title, @source, @negative, @neutral, @positive, @min, @max, @created)
            """, ("@name", dataset.Name), ("@title", s.Title), ("@source", s.Source), ("@negative", s.NegativeLabel), ("@neutral", s.NeutralLabel),
            ("@positive", s.PositiveLabel), ("@min", s.Minimum), ("@max", s.Maximum), ("@created", dataset.CreatedAt));
    }

    private static LabelDataset Read(DbDataReader reader) =>
        new(reader.GetString(0),
            new DatasetScale(reader.GetString(2), reader.GetString(1), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                reader.GetDouble(6), reader.GetDouble(7)),
            reader.GetString(8));
}
