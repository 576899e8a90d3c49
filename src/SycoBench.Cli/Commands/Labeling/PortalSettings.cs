using SycoBench.Labeling;

namespace SycoBench.Cli.Commands.Labeling;

/// <summary>What every <c>portal</c> command takes: the label store.</summary>
public class PortalSettings : CommandSettings
{
    public const string DefaultDatabase = "labels.db";

    [CommandOption("--db <PATH|URL>")]
    [Description("The label store: a SQLite file, or PostgreSQL as postgres://user@host:port/db or Host=…;Database=… (password from PGPASSWORD). Default: $SYCOBENCH_DB, else labels.db.")]
    public string? Database { get; init; }

    /// <summary>The <c>--db</c> check every portal command shares, then the command's own (<see cref="ValidateOptions"/>).</summary>
    public sealed override ValidationResult Validate() =>
        Database is not null && string.IsNullOrWhiteSpace(Database) ? ValidationResult.Error("--db needs a path or a PostgreSQL address") : ValidateOptions();

    /// <summary>The checks of a command's own options, after <c>--db</c>'s.</summary>
    protected virtual ValidationResult ValidateOptions() => ValidationResult.Success();

    /// <summary>The check of a <c>--dataset</c> name a command is given: the store's naming rule, with one message everywhere.</summary>
    protected static ValidationResult DatasetName(string? dataset) =>
        dataset is not null && LabelDatasets.NameProblem(dataset) is { } problem ? ValidationResult.Error("--dataset: " + problem) : ValidationResult.Success();

    /// <summary>The error of an option a command cannot do without, when it is missing or blank.</summary>
    protected static ValidationResult Required(string? value, string error) =>
        string.IsNullOrWhiteSpace(value) ? ValidationResult.Error(error) : ValidationResult.Success();
}
