namespace SycoBench.Cli.Commands.Labeling;

public sealed class PortalPullSettings : PortalSettings
{
    public const string AllDatasets = "all";

    /// <summary>Where the original tool's <c>pull</c> wrote its exports, relative to the working directory.</summary>
    public const string DefaultFolder = "data/humanLabel/reviews";

    [CommandOption("--target <WHAT>")]
    [Description("What to export: reviews.")]
    [DefaultValue("reviews")]
    public string Target { get; init; } = "reviews";

    [CommandOption("--dataset <NAME>")]
    [Description("The dataset to export (any dataset of the store), or all.")]
    [DefaultValue(AllDatasets)]
    public string Dataset { get; init; } = AllDatasets;

    [CommandOption("--out <PATH>")]
    [Description("Where to write the export (replaced atomically); default data/humanLabel/reviews/<dataset>_reviews.jsonl, one file per dataset.")]
    public string? Out { get; init; }

    [CommandOption("--format <FORMAT>")]
    [Description("jsonl (default) or csv.")]
    [DefaultValue("jsonl")]
    public string Format { get; init; } = "jsonl";

    public bool Csv => string.Equals(Format, "csv", StringComparison.OrdinalIgnoreCase);

    public bool All => string.Equals(Dataset, AllDatasets, StringComparison.Ordinal);

    /// <summary>The original tool's path for one dataset's export.</summary>
    public string DefaultPath(string dataset) => $"{DefaultFolder}/{dataset}_reviews.{(Csv ? "csv" : "jsonl")}";

    protected override ValidationResult ValidateOptions()
    {
        if (!string.Equals(Target, "reviews", StringComparison.Ordinal))
            return ValidationResult.Error($"--target must be reviews (got '{Target}')");
        if (!All && LabelStoreOption.DatasetName(Dataset) is { Successful: false } invalid)
            return invalid;
        if (Out is not null && string.IsNullOrWhiteSpace(Out))
            return ValidationResult.Error("--out needs a path");
        if (!Csv && !string.Equals(Format, "jsonl", StringComparison.OrdinalIgnoreCase))
            return ValidationResult.Error($"--format must be jsonl or csv (got '{Format}')");
        // A file named for one format holding the other is read line by line as malformed by whatever opens it next.
        if (Out is not null && Csv && Out.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
            return ValidationResult.Error($"--out {Out} names a JSONL file but --format is csv: name it .csv, or leave out --format csv");
        if (Out is not null && !Csv && Out.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            return ValidationResult.Error($"--out {Out} names a CSV file but --format is jsonl: add --format csv, or name it .jsonl");
        return ValidationResult.Success();
    }
}
