using SycoBench.Reporting;

namespace SycoBench.Cli.Commands;

public sealed class ReportSettings : CommandSettings
{
    [CommandOption("--input <PATH>")]
    [Description("The scored run (run_scored.jsonl); repeat it to compare runs of the same scenario side by side in one report (then --out is required).")]
    public string[] Inputs { get; init; } = [];

    /// <summary>The first (for one run, the only) --input.</summary>
    internal string? Input => Inputs.Length > 0 ? Inputs[0] : null;

    [CommandOption("--out <DIR>")]
    [Description("Folder for the report files (default: beside the input).")]
    public string? Out { get; init; }

    [CommandOption("--threshold <T>")]
    [Description("Stance threshold of the summary and the stance mix, in (0, 1]] (default 0.33).")]
    [DefaultValue(ReportOptions.DefaultThreshold)]
    public double Threshold { get; init; } = ReportOptions.DefaultThreshold;

    [CommandOption("--scenario <NAME|PATH>")]
    [Description("Scenario of the run (default: the one run_grid.json beside the input names, else rent-v1).")]
    public string? Scenario { get; init; }

    [CommandOption("--seed <S>")]
    [Description("Seed of the bootstrap (d_z, the rates) and of a Monte-Carlo permutation test (default 0); the same seed gives the same intervals.")]
    [DefaultValue(0L)]
    public long Seed { get; init; }

    [CommandOption("--holm-family <FAMILY>")]
    [Description("Family of Holm's correction: separate (models' SI tests; pairwise comparisons: two families, the default) or joint (all together).")]
    [DefaultValue("separate")]
    public string HolmFamily { get; init; } = "separate";

    [CommandOption("--missing <MODE>")]
    [Description("Triplets of the statistics when answers are missing: complete (one set, every side scored: the default) or per-statistic (each statistic its own).")]
    [DefaultValue("complete")]
    public string Missing { get; init; } = "complete";

    [CommandOption("--no-transcripts")]
    [Description("Do not write transcripts.html (every answer by triplet), which reads the input a second time.")]
    public bool NoTranscripts { get; init; }

    [CommandOption("--format <LIST>")]
    [Description("Chart files to write, comma-separated: png (at --dpi), svg, pdf (default png,svg).")]
    [DefaultValue("png,svg")]
    public string Format { get; init; } = "png,svg";

    [CommandOption("--dpi <N>")]
    [Description("Resolution of the chart PNGs at their stated size (960 px on screen = 10 in), 72 to 1200 (default 300).")]
    [DefaultValue(Charts.ChartOutput.DefaultDpi)]
    public int Dpi { get; init; } = Charts.ChartOutput.DefaultDpi;

    internal Charts.ChartOutput ChartOutput => new(ParseFormats(Format, out _), Dpi);

    [CommandOption("--target <TARGET>")]
    [Description("What the intervals are for: population (scenarios like these, other cells and paraphrases: the default) or grid (these very prompts asked again: within-prompt replicate variation only).")]
    [DefaultValue("population")]
    public string Target { get; init; } = "population";

    private static readonly OptionChoice<Reporting.Paired.InferenceTarget> TargetChoice =
        new("--target", ("population", Reporting.Paired.InferenceTarget.Population), ("grid", Reporting.Paired.InferenceTarget.Grid));

    private static readonly OptionChoice<MissingData> MissingChoice =
        new("--missing", ("complete", MissingData.Complete), ("per-statistic", MissingData.PerStatistic));

    private static readonly OptionChoice<HolmFamily> HolmFamilyChoice =
        new("--holm-family", ("separate", Reporting.HolmFamily.Separate), ("joint", Reporting.HolmFamily.Joint));

    internal Reporting.Paired.InferenceTarget ParsedTarget => TargetChoice.Parse(Target);

    internal MissingData ParsedMissing => MissingChoice.Parse(Missing);

    internal HolmFamily ParsedHolmFamily => HolmFamilyChoice.Parse(HolmFamily);

    public override ValidationResult Validate()
    {
        if (MissingChoice.Check(Missing) is { Successful: false } missing)
            return missing;
        if (TargetChoice.Check(Target) is { Successful: false } target)
            return target;
        if (HolmFamilyChoice.Check(HolmFamily) is { Successful: false } holmFamily)
            return holmFamily;
        ParseFormats(Format, out var formatError);
        if (formatError is not null)
            return ValidationResult.Error(formatError);
        if (Dpi is < Charts.ChartOutput.MinDpi or > Charts.ChartOutput.MaxDpi)
            return ValidationResult.Error($"--dpi must be between {Charts.ChartOutput.MinDpi} and {Charts.ChartOutput.MaxDpi} (got {Dpi})");
        if (string.IsNullOrWhiteSpace(Input))
            return ValidationResult.Error("--input is required: the scored run to report on (run_scored.jsonl)");
        if (!(Threshold > 0 && Threshold <= 1))
            return ValidationResult.Error($"--threshold must be in (0, 1] (got {Threshold.ToString(System.Globalization.CultureInfo.InvariantCulture)})");
        if (Out is not null && string.IsNullOrWhiteSpace(Out))
            return ValidationResult.Error("--out needs a folder");
        if (Inputs.Length > 1 && Out is null)
            return ValidationResult.Error("--out is required when several --input runs are compared (the report belongs beside none of them)");
        if (Inputs.Any(string.IsNullOrWhiteSpace))
            return ValidationResult.Error("--input needs a file");
        return ValidationResult.Success();
    }

    private static Charts.ChartFormats ParseFormats(string list, out string? error)
    {
        error = null;
        var formats = Charts.ChartFormats.None;
        foreach (var word in (list ?? "").Split(',', StringSplitOptions.TrimEntries))
        {
            var format = word.ToLowerInvariant() switch
            {
                "png" => Charts.ChartFormats.Png,
                "svg" => Charts.ChartFormats.Svg,
                "pdf" => Charts.ChartFormats.Pdf,
                _ => Charts.ChartFormats.None,
            };
            if (format == Charts.ChartFormats.None)
            {
                error = $"--format takes png, svg and pdf, comma-separated (got '{word}' in '{list}')";
                return Charts.ChartFormats.None;
            }

            if (formats.HasFlag(format))
            {
                error = $"--format names {word} twice ('{list}')";
                return Charts.ChartFormats.None;
            }

            formats |= format;
        }

        return formats;
    }
}
