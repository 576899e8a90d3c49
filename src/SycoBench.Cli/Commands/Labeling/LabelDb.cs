using SycoBench.Labeling.Storage;

namespace SycoBench.Cli.Commands.Labeling;

/// <summary>
/// The label store a command's <c>--db</c> names: a SQLite file (resolved against the working directory) or a PostgreSQL
/// database (<c>postgres://user@host:port/db</c> or <c>Host=…;Database=…</c>). Without <c>--db</c>,
/// <c>SYCOBENCH_DB</c> names it, else <c>labels.db</c>. A PostgreSQL password is best kept off the command line (other
/// users of a shared machine can read it there): when the address has none, <c>PGPASSWORD</c> gives it.
/// </summary>
internal static class LabelDb
{
    public const string DatabaseVariable = "SYCOBENCH_DB";
    public const string PasswordVariable = "PGPASSWORD";

    /// <summary>The <c>--db</c> argument after the environment default: what the command opens.</summary>
    public static string Argument(CliEnvironment environment, string? database) =>
        !string.IsNullOrWhiteSpace(database) ? database
        : environment.Variables(DatabaseVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
        : PortalSettings.DefaultDatabase;

    public static LabelStoreLocation Resolve(CliEnvironment environment, string? database, string option = "--db")
    {
        var argument = Argument(environment, database);
        try
        {
            return LabelStoreLocation.IsPostgres(argument)
                ? LabelStoreLocation.Postgres(argument, environment.Variables(PasswordVariable))
                : LabelStoreLocation.File(environment.Resolve(argument));
        }
        catch (InputException ex) when (option != "--db")
        {
            throw new InputException(ex.Message.Replace("--db", option, StringComparison.Ordinal), ex);
        }
    }

    /// <summary>
    /// The store <c>--db</c> names, which must exist already: a command that reads or changes a store never creates one
    /// (a mistyped path must not leave a new empty database behind).
    /// </summary>
    public static LabelStoreLocation RequireExisting(CliEnvironment environment, string? database)
    {
        var location = Resolve(environment, database);
        if (!Exists(location))
            throw new InputException($"{Display(environment, location)}: no such label database (create one with 'sycobench portal init-db')");
        return location;
    }

    /// <summary>Opens the existing store <c>--db</c> names, checked by the output guard as a store the command writes.</summary>
    public static LabelStore OpenExisting(CliEnvironment environment, string? database)
    {
        var location = RequireExisting(environment, database);
        new OutputGuard(environment).Store("--db", location);
        return LabelStore.Open(location);
    }

    /// <summary>
    /// Removes a SQLite store (with its WAL and shared-memory files) that the failing command created itself, so a refused
    /// copy or import leaves no new, empty label store behind.
    /// </summary>
    public static void DeleteCreatedSqlite(string path)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            if (File.Exists(file))
                File.Delete(file);
        }
    }

    /// <summary>Opens (creating it when missing) the store at <paramref name="location"/>, checked by the output guard as a store the command writes.</summary>
    public static LabelStore OpenOrCreate(CliEnvironment environment, LabelStoreLocation location)
    {
        new OutputGuard(environment).Store("--db", location);
        return LabelStore.Open(location);
    }

    /// <summary>For messages: a file relative to the working directory, a PostgreSQL database without its password.</summary>
    public static string Display(CliEnvironment environment, LabelStoreLocation location) =>
        location.Kind == LabelStoreKind.Sqlite ? environment.Display(location.Value) : location.Display;

    /// <summary>
    /// Whether the store exists already: the SQLite file, or in PostgreSQL the store's tables (the database itself is the
    /// server admin's to create; SycoBench never creates or drops databases).
    /// </summary>
    public static bool Exists(LabelStoreLocation location) =>
        location.Kind == LabelStoreKind.Sqlite ? File.Exists(location.Value) : LabelStore.HasStore(location);

    /// <summary>The output guard's check of a store the command opens (PostgreSQL databases are no files to guard).</summary>
    public static OutputGuard Store(this OutputGuard guard, string option, LabelStoreLocation location) =>
        location.Kind == LabelStoreKind.Sqlite ? guard.Store(option, location.Value) : guard;

    /// <summary>The input check of a store the command reads.</summary>
    public static OutputGuard Input(this OutputGuard guard, string option, LabelStoreLocation location) =>
        location.Kind == LabelStoreKind.Sqlite ? guard.Input(option, location.Value) : guard;

    /// <summary>A dataset a command names (<c>--dataset</c>): one the store holds, else a usage error listing the ones it does.</summary>
    public static LabelDataset RequireDataset(LabelStore store, string dataset)
    {
        try
        {
            return store.Datasets.Require(dataset);
        }
        catch (UnknownDatasetException ex)
        {
            throw new CliUsageException("--dataset: " + ex.Message);
        }
    }
}
