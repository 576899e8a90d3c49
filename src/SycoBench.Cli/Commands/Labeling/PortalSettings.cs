using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SycoBench.Cli.Commands.Labeling;

/// <summary>What every <c>portal</c> command takes: the database file.</summary>
public class PortalSettings : CommandSettings
{
    public const string DefaultDatabase = "labels.db";

    [CommandOption("--db <PATH>")]
    [Description("The label database (SQLite); created when missing.")]
    [DefaultValue(DefaultDatabase)]
    public string Database { get; init; } = DefaultDatabase;

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Database) ? ValidationResult.Error("--db needs a path") : ValidationResult.Success();
}
