namespace SycoBench.Cli.Commands.Labeling;

/// <summary>
/// The settings of a portal command that reads or changes every dataset of the store unless <c>--dataset</c> narrows
/// it to one (<c>portal status</c>, <c>portal delete-llm-reviews</c>): one text and one check (the store's naming
/// rule) for both.
/// </summary>
public class PortalDatasetFilterSettings : PortalSettings
{
    [CommandOption("--dataset <NAME>")]
    [Description("Only this dataset of the store (default: every dataset).")]
    public string? Dataset { get; init; }

    protected override ValidationResult ValidateOptions() => LabelStoreOption.DatasetName(Dataset);
}
