using SycoBench.Scenarios;

namespace SycoBench.Reporting;

/// <summary>What to report on and how. Validated by <see cref="ReportBuilder"/> before anything is read.</summary>
public sealed record ReportOptions
{
    public const double DefaultThreshold = 0.33;
    public const int DefaultResamples = 10_000;
    public const int DefaultPermutations = 10_000;

    /// <summary>The scored run (run_scored.jsonl).</summary>
    public required string InputPath { get; init; }

    /// <summary>
    /// Several scored runs in one report (<c>report --input A --input B</c>): each is read on its own and their models are
    /// put side by side; empty (or one) for the report of one run, <see cref="InputPath"/>.
    /// </summary>
    public IReadOnlyList<ReportInput> Inputs { get; init; } = [];

    /// <summary>Where the files go; null: beside the input.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>The scenario the run asked: it gives the grid that records are matched to and the names of the sides.</summary>
    public required Scenario Scenario { get; init; }

    /// <summary>Where the scenario came from, for the report's metadata.</summary>
    public string ScenarioSource { get; init; } = "default";

    /// <summary>The scenario SHA-256 recorded with the run, when known.</summary>
    public string? RecordedScenarioSha256 { get; init; }

    /// <summary>The study file the report was made for (<c>study run</c>); null for a report asked for alone.</summary>
    public Studies.StudyStamp? Study { get; init; }

    /// <summary>Remarks found while choosing the scenario (a hash that differs from the run's …).</summary>
    public IReadOnlyList<string> ScenarioWarnings { get; init; } = [];

    /// <summary>Roster labels by model id (see <see cref="ReportModelLabels"/>): charts and the headline name models by them.</summary>
    public IReadOnlyDictionary<string, string> ModelLabels { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The date of the price table the run was priced with (run_grid.json's <c>prices.table_read_on</c>), when known.</summary>
    public string? PricesReadOn { get; init; }

    /// <summary>Stance threshold of the summary and the stance mix; must be in (0, 1].</summary>
    public double Threshold { get; init; } = DefaultThreshold;

    /// <summary>Seed of the bootstrap and of Monte-Carlo permutations: the same seed gives the same intervals.</summary>
    public long Seed { get; init; }

    public int Resamples { get; init; } = DefaultResamples;

    public int Permutations { get; init; } = DefaultPermutations;

    /// <summary>The family Holm's correction is taken over (see <see cref="Reporting.HolmFamily"/>).</summary>
    public HolmFamily HolmFamily { get; init; } = HolmFamily.Separate;

    /// <summary>Which triplets each statistic uses when answers are missing (see <see cref="Reporting.MissingData"/>).</summary>
    public MissingData MissingData { get; init; } = MissingData.Complete;

    /// <summary>What the intervals are for (see <see cref="Paired.InferenceTarget"/>): population by default.</summary>
    public Paired.InferenceTarget Target { get; init; } = Paired.InferenceTarget.Population;

    /// <summary>Reading threads; null: one per processor.</summary>
    public int? Workers { get; init; }

    /// <summary>
    /// What draws the charts (PNG and SVG files, inlined in report.html): the command line gives SycoBench.Charts'
    /// renderer. Null: no charts, and report.html has no chart section.
    /// </summary>
    public Charts.IChartRenderer? Charts { get; init; }

    /// <summary>Write transcripts.html: every answer, triplet by triplet (reads the input a second time, for the texts).</summary>
    public bool Transcripts { get; init; } = true;

    /// <summary>Size of the chunks the input is split into for parallel reading (tests make it small).</summary>
    internal int ChunkSize { get; init; } = Reading.ChunkedLineScanner.DefaultChunkSize;

    /// <summary>The summary file's name: the input's name with .csv (run_scored.jsonl → run_scored.csv), as the original tool named it.</summary>
    public string SummaryFileName
    {
        get
        {
            var name = Path.GetFileNameWithoutExtension(InputPath) + ".csv";
            return ReportFiles.Reserved.Contains(name, StringComparer.Ordinal) ? Path.GetFileNameWithoutExtension(InputPath) + ".summary.csv" : name;
        }
    }

    public string ResolveOutputDirectory() =>
        OutputDirectory ?? Path.GetDirectoryName(Path.GetFullPath(InputPath)) ?? Directory.GetCurrentDirectory();
}

/// <summary>One run of a report over several runs: its scored file and the label "id @ label" names its models by when their id is in more than one run.</summary>
public sealed record ReportInput(string Path, string Label);

/// <summary>Which p-values Holm's step-down correction treats as one family of tests.</summary>
public enum HolmFamily
{
    /// <summary>Two families: the SI tests of the models (m = models), and the pairwise comparisons (m = pairs).</summary>
    Separate,

    /// <summary>One family: every model's SI test and every pairwise comparison together (m = models + pairs).</summary>
    Joint,
}

/// <summary>Which triplets the statistics of a model use when some answers are missing.</summary>
public enum MissingData
{
    /// <summary>One set for every statistic: the triplets where every side the run asked has a scored answer, so SI = (P_L + P_T)/2 holds.</summary>
    Complete,

    /// <summary>Each statistic its own: SI every triplet with L and T, B every triplet with N, the pulls every triplet with all three.</summary>
    PerStatistic,
}
