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
