using SycoBench.Labeling.Storage;

namespace SycoBench.Labeling.Tests;

/// <summary>
/// Where a store test keeps its store: a SQLite file in a temporary folder, or a new database in the test run's
/// PostgreSQL cluster. The store test classes are abstract, with one subclass per backend, so every store test runs
/// on both.
/// </summary>
public sealed class TestStore : IDisposable
{
    private readonly IDisposable _owner;

    private TestStore(LabelStoreLocation location, IDisposable owner, string? file)
    {
        Location = location;
        _owner = owner;
        File = file;
    }

    public LabelStoreLocation Location { get; }

    /// <summary>The SQLite file (null for PostgreSQL).</summary>
    public string? File { get; }

    public LabelStoreKind Kind => Location.Kind;

    public static TestStore Sqlite()
    {
        var dir = new TempDirectory();
        return new TestStore(LabelStoreLocation.File(dir.File("labels.db")), dir, dir.File("labels.db"));
    }

    public static TestStore Postgres()
    {
        var database = PostgresCluster.Instance.CreateDatabase();
        return new TestStore(LabelStoreLocation.Postgres(database.ConnectionString), database, null);
    }

    /// <summary>
    /// A PostgreSQL database that already holds the current schema: a copy of one database that a store created once
    /// for the whole test run. For the test classes that open a store at the current version first thing and test what
    /// it does, not how it is created: each of their tests then skips the migrations (about 0.1-0.5 s of round trips
    /// each, in series within a class). An empty database migrated by the store itself stays tested by the classes that
    /// use <see cref="Postgres"/> (running counts, dataset scales, the review functions, the command line).
    /// </summary>
    public static TestStore PostgresAtCurrentSchema()
    {
        var database = PostgresCluster.Instance.CreateDatabase(CurrentSchemaTemplate.Value);
        return new TestStore(LabelStoreLocation.Postgres(database.ConnectionString), database, null);
    }

    /// <summary>The database the current-schema copies are made from, created and migrated by a store on first use.</summary>
    private static readonly Lazy<string> CurrentSchemaTemplate = new(() =>
    {
        var database = PostgresCluster.Instance.CreateDatabase();
        using (var store = LabelStore.Open(LabelStoreLocation.Postgres(database.ConnectionString)))
            Assert.Equal(LabelStore.CurrentSchemaVersion, store.SchemaVersion);
        database.Dispose();
        return database.Name;
    });

    public static TestStore Of(LabelStoreKind kind) => kind == LabelStoreKind.Postgres ? Postgres() : Sqlite();

    public LabelStore Open(TimeProvider? time = null, TimeSpan? leaseDuration = null) => LabelStore.Open(Location, time, leaseDuration);

    public void Dispose() => _owner.Dispose();
}

/// <summary>Direct reads of a store's tables, for assertions about what is stored (on either backend).</summary>
internal static class StoreQueries
{
    public static long Long(LabelStore store, string sql, params (string Name, object? Value)[] parameters)
    {
        using var connection = store.Database.OpenConnection();
        return Sql.Long(connection, null, sql, parameters);
    }

    public static string Text(LabelStore store, string sql, params (string Name, object? Value)[] parameters)
    {
        using var connection = store.Database.OpenConnection();
        return Convert.ToString(Sql.Scalar(connection, null, sql, parameters), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }
}
