using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using SycoBench.Labeling;

namespace SycoBench.Cli.Commands.Labeling;

public sealed class PortalStatusSettings : PortalSettings
{
    [CommandOption("--dataset <NAME>")]
    [Description("Only this dataset (scenario or aita); default: every dataset.")]
    public string? Dataset { get; init; }

    public override ValidationResult Validate()
    {
        var baseResult = base.Validate();
        if (!baseResult.Successful)
            return baseResult;
        return Dataset is not null && !LabelDatasets.IsKnown(Dataset)
            ? ValidationResult.Error($"--dataset must be one of {string.Join(", ", LabelDatasets.All)} (got '{Dataset}')")
            : ValidationResult.Success();
    }
}
