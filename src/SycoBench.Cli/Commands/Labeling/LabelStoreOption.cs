using SycoBench.Labeling;

namespace SycoBench.Cli.Commands.Labeling;

/// <summary>
/// <c>--db</c>, the label store, and the rule for the <c>--dataset</c> names in it: written once here for the
/// <c>portal</c> and <c>label</c> commands (<see cref="PortalSettings"/>) and for <c>label ai</c>, whose settings
/// derive from the model-pipeline options instead, so every command describes and checks them the same way.
/// </summary>
public static class LabelStoreOption
{
    public const string Template = "--db <PATH|URL>";

    public const string Help = "The label store: a SQLite file, or PostgreSQL as postgres://user@host:port/db or Host=…;Database=… (password from PGPASSWORD). Default: $SYCOBENCH_DB, else labels.db.";

    /// <summary>The <c>--db</c> check: given, it must name something.</summary>
    public static ValidationResult Check(string? database) =>
        database is not null && string.IsNullOrWhiteSpace(database) ? ValidationResult.Error("--db needs a path or a PostgreSQL address") : ValidationResult.Success();

    /// <summary>The check of a <c>--dataset</c> name a command is given: the store's naming rule, with one message everywhere.</summary>
    public static ValidationResult DatasetName(string? dataset) =>
        dataset is not null && LabelDatasets.NameProblem(dataset) is { } problem ? ValidationResult.Error("--dataset: " + problem) : ValidationResult.Success();
}
