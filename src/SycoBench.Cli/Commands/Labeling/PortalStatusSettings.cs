namespace SycoBench.Cli.Commands.Labeling;

public sealed class PortalStatusSettings : PortalSettings
{
    [CommandOption("--dataset <NAME>")]
    [Description("Only this dataset (any dataset of the store); default: every dataset.")]
    public string? Dataset { get; init; }

    protected override ValidationResult ValidateOptions() => DatasetName(Dataset);
}
