using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SycoBench.Cli.Commands.Labeling;

/// <summary>What every <c>portal</c> command takes: the label store.</summary>
public class PortalSettings : CommandSettings
{
    public const string DefaultDatabase = "labels.db";

    [CommandOption("--db <PATH|URL>")]
    [Description("The label store: a SQLite file, or PostgreSQL as postgres://user@host:port/db or Host=…;Database=… (password from PGPASSWORD). Default: $SYCOBENCH_DB, else labels.db.")]
    public string? Database { get; init; }

    public override ValidationResult Validate() =>
        Database is not null && string.IsNullOrWhiteSpace(Database) ? ValidationResult.Error("--db needs a path or a PostgreSQL address") : ValidationResult.Success();
}
