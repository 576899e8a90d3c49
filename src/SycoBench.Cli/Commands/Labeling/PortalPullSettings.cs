using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using SycoBench.Labeling;

namespace SycoBench.Cli.Commands.Labeling;

public sealed class PortalPullSettings : PortalSettings
{
    [CommandOption("--target <WHAT>")]
    [Description("What to export: reviews.")]
    [DefaultValue("reviews")]
    public string Target { get; init; } = "reviews";

    [CommandOption("--dataset <NAME>")]
    [Description("The dataset to export: scenario or aita.")]
    public string? Dataset { get; init; }

    [CommandOption("--out <PATH>")]
    [Description("Where to write the export (replaced atomically).")]
    public string? Out { get; init; }

    [CommandOption("--format <FORMAT>")]
    [Description("jsonl (default) or csv.")]
    [DefaultValue("jsonl")]
    public string Format { get; init; } = "jsonl";

    public bool Csv => string.Equals(Format, "csv", StringComparison.OrdinalIgnoreCase);

    public override ValidationResult Validate()
    {
        var baseResult = base.Validate();
        if (!baseResult.Successful)
            return baseResult;
        if (!string.Equals(Target, "reviews", StringComparison.Ordinal))
            return ValidationResult.Error($"--target must be reviews (got '{Target}')");
        if (Dataset is null)
            return ValidationResult.Error("--dataset is required (scenario or aita)");
        if (!LabelDatasets.IsKnown(Dataset))
            return ValidationResult.Error($"--dataset must be one of {string.Join(", ", LabelDatasets.All)} (got '{Dataset}')");
        if (string.IsNullOrWhiteSpace(Out))
            return ValidationResult.Error("--out needs a path");
        if (!Csv && !string.Equals(Format, "jsonl", StringComparison.OrdinalIgnoreCase))
            return ValidationResult.Error($"--format must be jsonl or csv (got '{Format}')");
        return ValidationResult.Success();
    }
}
