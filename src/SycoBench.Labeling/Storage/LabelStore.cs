namespace SycoBench.Labeling.Storage;

/// <summary>
/// The label database: reviewers, items, assignment and export, over one SQLite file or one PostgreSQL database (see
/// <see cref="LabelStoreLocation"/>), with the same behaviour on both. Opening it creates the file (or the tables)
/// and applies any missing migration. Thread-safe; one instance per process and database.
/// </summary>
public sealed class LabelStore : IDisposable
{
    public static readonly TimeSpan DefaultLeaseDuration = TimeSpan.FromMinutes(30);
    private readonly LabelDatabase _database;

    private LabelStore(LabelDatabase database, TimeSpan leaseDuration)
    {
        _database = database;
        Reviewers = new ReviewerDirectory(database);
        Items = new ItemCatalog(database);
        Datasets = new DatasetCatalog(database);
        Assignments = new ReviewAssigner(database, leaseDuration);
        Export = new ReviewExporter(database);
        AiReviews = new AiReviewStore(database);
        Legacy = new LegacyImporter(database);
    }

    /// <summary>What to call the store in messages: the file's path, or the PostgreSQL address without a password.</summary>
    public string Path => _database.Path;

    public LabelStoreLocation Location => _database.Location;

    internal LabelDatabase Database => _database;

    public LabelStoreKind Kind => _database.Location.Kind;

    /// <summary>The schema version this SycoBench creates and migrates to.</summary>
    public static int CurrentSchemaVersion => Schema.Migrations.Count;

    public int SchemaVersion => _database.SchemaVersion();

    public ReviewerDirectory Reviewers { get; }

    public ItemCatalog Items { get; }

    /// <summary>The datasets and their scales (anchors and score range).</summary>
    public DatasetCatalog Datasets { get; }

    public ReviewAssigner Assignments { get; }

    public ReviewExporter Export { get; }

    /// <summary>Reviews written by models (<c>llm:&lt;model id&gt;</c>), kept apart from people's.</summary>
    public AiReviewStore AiReviews { get; }

    /// <summary>Imports a database made by the original tool.</summary>
    public LegacyImporter Legacy { get; }

    /// <summary>Opens a store by its <c>--db</c> form: a file path (SQLite) or a PostgreSQL address or connection string.</summary>
    public static LabelStore Open(string pathOrConnection, TimeProvider? time = null, TimeSpan? leaseDuration = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pathOrConnection);
        return Open(LabelStoreLocation.Parse(pathOrConnection), time, leaseDuration);
    }

    public static LabelStore Open(LabelStoreLocation location, TimeProvider? time = null, TimeSpan? leaseDuration = null) =>
        Open(location, time, leaseDuration, create: true);

    /// <summary>
    /// Opens a store that must exist already at this SycoBench's schema version, without creating or migrating anything
    /// (the source of a copy is read, never changed).
    /// </summary>
    public static LabelStore OpenExisting(LabelStoreLocation location, TimeProvider? time = null) =>
        Open(location, time, null, create: false);

    /// <summary>Tests only: a store as an older SycoBench left it, migrated no further than <paramref name="version"/>.</summary>
    internal static LabelStore OpenAtSchemaVersion(LabelStoreLocation location, int version, TimeProvider? time = null, TimeSpan? leaseDuration = null) =>
        new(LabelDatabase.Open(location, time ?? TimeProvider.System, create: true, upToVersion: version), leaseDuration ?? DefaultLeaseDuration);

    private static LabelStore Open(LabelStoreLocation location, TimeProvider? time, TimeSpan? leaseDuration, bool create)
    {
        ArgumentNullException.ThrowIfNull(location);
        var lease = leaseDuration ?? DefaultLeaseDuration;
        if (lease <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(leaseDuration), lease, "a lease must last a positive time");
        return new LabelStore(LabelDatabase.Open(location, time ?? TimeProvider.System, create), lease);
    }

    /// <summary>Whether the location holds a label store already (a SQLite file, or the store's tables in PostgreSQL).</summary>
    public static bool HasStore(LabelStoreLocation location) => LabelDatabase.HasStore(location);

    /// <summary>Whether a failure means another connection holds the lock (past the busy timeout): it passes, unlike the others.</summary>
    public bool IsBusy(System.Data.Common.DbException exception) => _database.IsBusy(exception);

    private int _disposed;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
            _database.Dispose();
    }
}
