namespace SycoBench.Labeling.Storage;

/// <summary>
/// The label database: reviewers, items, assignment and export over one SQLite file. Opening it creates the file
/// and applies any missing migration. Thread-safe; one instance per process and file.
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
        Assignments = new ReviewAssigner(database, leaseDuration);
        Export = new ReviewExporter(database);
        AiReviews = new AiReviewStore(database);
        Legacy = new LegacyImporter(database);
    }

    public string Path => _database.Path;

    /// <summary>The schema version this SycoBench creates and migrates to.</summary>
    public static int CurrentSchemaVersion => Schema.Migrations.Count;

    public int SchemaVersion => _database.SchemaVersion();

    public ReviewerDirectory Reviewers { get; }

    public ItemCatalog Items { get; }

    public ReviewAssigner Assignments { get; }

    public ReviewExporter Export { get; }

    /// <summary>Reviews written by models (<c>llm:&lt;model id&gt;</c>), kept apart from people's.</summary>
    public AiReviewStore AiReviews { get; }

    /// <summary>Imports a database made by the original tool.</summary>
    public LegacyImporter Legacy { get; }

    public static LabelStore Open(string path, TimeProvider? time = null, TimeSpan? leaseDuration = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var lease = leaseDuration ?? DefaultLeaseDuration;
        if (lease <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(leaseDuration), lease, "a lease must last a positive time");
        return new LabelStore(LabelDatabase.Open(path, time ?? TimeProvider.System), lease);
    }

    /// <summary>Whether a failure means another connection holds the lock (past the busy timeout): it passes, unlike the others.</summary>
    public static bool IsBusy(Microsoft.Data.Sqlite.SqliteException exception) => LabelDatabase.IsBusy(exception);

    private int _disposed;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
            _database.Dispose();
    }
}
