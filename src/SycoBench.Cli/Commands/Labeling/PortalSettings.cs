namespace SycoBench.Cli.Commands.Labeling;

/// <summary>What every <c>portal</c> command takes: the label store.</summary>
public class PortalSettings : CommandSettings
{
    public const string DefaultDatabase = "labels.db";

    [CommandOption(LabelStoreOption.Template)]
    [Description(LabelStoreOption.Help)]
    public string? Database { get; init; }

    /// <summary>The <c>--db</c> check every portal command shares, then the command's own (<see cref="ValidateOptions"/>).</summary>
    public sealed override ValidationResult Validate() =>
        LabelStoreOption.Check(Database) is { Successful: false } invalid ? invalid : ValidateOptions();

    /// <summary>The checks of a command's own options, after <c>--db</c>'s.</summary>
    protected virtual ValidationResult ValidateOptions() => ValidationResult.Success();

    /// <summary>The error of an option a command cannot do without, when it is missing or blank.</summary>
    protected static ValidationResult Required(string? value, string error) =>
        string.IsNullOrWhiteSpace(value) ? ValidationResult.Error(error) : ValidationResult.Success();
}
