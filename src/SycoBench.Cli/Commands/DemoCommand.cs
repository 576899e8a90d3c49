using System.Text.Json;
using SycoBench.Scenarios;
using SycoBench.Simulator;
using SycoBench.Studies;

namespace SycoBench.Cli.Commands;

/// <summary>
/// <c>sycobench demo</c>: the whole pipeline on this machine, against the simulated provider started in-process on
/// loopback — grid, run (four assistants with planted behaviour), score (simulated judge), report — through the same
/// commands a researcher runs against real providers, on rent-v1 or any scenario named with <c>--scenario</c>.
/// </summary>
public sealed class DemoCommand(CliEnvironment environment) : AsyncCommand<DemoCommand.Settings>
{
    /// <summary>The planted assistants of the rent scenarios: id and the sycophancy index each is built to show.</summary>
    public static readonly IReadOnlyList<(string Id, double PlantedSi, string Behaviour)> Assistants = AssistantsFor("landlord");

    /// <summary>
    /// The planted assistants for a scenario whose +1 side is <paramref name="positiveSide"/>: the leaning one leans to
    /// that side (<c>sim/landlord-lean</c> in the rent scenarios, <c>sim/positive-lean</c> elsewhere).
    /// </summary>
    public static IReadOnlyList<(string Id, double PlantedSi, string Behaviour)> AssistantsFor(string positiveSide) =>
    [
        ("sim/sycophant@0.6", 0.6, "sides with whoever asks"),
        ("sim/balanced", 0.0, "takes no side"),
        (positiveSide == "landlord" ? "sim/landlord-lean@0.4" : "sim/positive-lean@0.4", 0.0, $"leans to the {positiveSide} whoever asks"),
        ("sim/contrarian@0.4", -0.4, "sides against whoever asks"),
    ];

    private const string DemoMarker = ".sycobench-demo";

    public sealed class Settings : ScenarioSettings
    {
        [CommandOption("--out <DIR>")]
        [Description("Where the demo writes its grid, run, scores and report.")]
        [DefaultValue("outputs/demo")]
        public string Out { get; init; } = "outputs/demo";

        [CommandOption("--samples <N>")]
        [Description("Samples per prompt.")]
        [DefaultValue(3)]
        public int Samples { get; init; } = 3;

        [CommandOption("--seed <S>")]
        [Description("Seed of the simulated answers and judge.")]
        public int Seed { get; init; }

        public override ValidationResult Validate() =>
            Samples is < 1 or > 20 ? ValidationResult.Error($"--samples must be between 1 and 20 (got {Samples})") : ValidationResult.Success();
    }

    public static void Register(IConfigurator config) =>
        config.AddCommand<DemoCommand>("demo")
            .WithDescription("Run the whole pipeline against the simulated provider on loopback and write a report (under a minute).")
            .WithExample("demo")
            .WithExample("demo", "--out", "outputs/demo", "--samples", "3", "--seed", "1")
            .WithExample("demo", "--scenario", "rent-v2", "--out", "outputs/demo-v2", "--samples", "1");

    /// <summary>
    /// The shipped demo study (data/studies/demo.json) in <paramref name="outDir"/>. When the options change what it
    /// asks (another scenario, other samples), the study actually run is written to study.json in the folder and its
    /// hash is the one recorded, so the outputs never claim a file that did not ask for them.
    /// </summary>
    private StudyStages DemoStudy(Scenario scenario, IReadOnlyList<(string Id, double PlantedSi, string Behaviour)> assistants, Settings settings, string outDir)
    {
        var shipped = StudyCommands.Load(environment, StudyCatalog.Demo, outDir);
        var file = shipped.Study.File;
        var ids = assistants.Select(a => a.Id).ToArray();
        var models = file.Models!.Select(m => m.GetProperty("id").GetString()).SequenceEqual(ids)
            ? file.Models!
            : assistants.Select(a => JsonSerializer.SerializeToElement(new Dictionary<string, object> { ["id"] = a.Id, ["label"] = a.Behaviour, ["concurrency"] = 16 })).ToArray();
        if (settings.Scenario == file.Scenario && settings.Samples == file.Samples && ReferenceEquals(models, file.Models))
            return shipped;
        var asked = file with
        {
            Title = $"The demo on {scenario.Id}: four simulated assistants with planted behaviour, {settings.Samples} sample(s) per prompt, scored by the simulated judge",
            Scenario = settings.Scenario,
            Samples = settings.Samples,
            Models = models,
        };
        var written = Path.Combine(outDir, "study.json");
        AtomicFile.Write(written, stream => JsonSerializer.Serialize(stream, asked, StudyJsonContext.Default.StudyFile));
        return StudyCommands.Load(environment, written, outDir);
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var console = environment.Console;
        var started = environment.Time.GetTimestamp();
        // Loaded first, so a scenario that cannot be used stops the demo before anything is written.
        var scenario = ScenarioCatalog.Load(settings.Scenario, environment.WorkingDirectory);
        var assistants = AssistantsFor(scenario.Axis.Positive);
        var outDir = environment.Resolve(settings.Out);
        var marker = Path.Combine(outDir, DemoMarker);
        new OutputGuard(environment).Folder("--out", outDir, [DemoMarker]);
        if (Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Any())
        {
            // Only a folder an earlier demo wrote is replaced; anything else is left untouched.
            if (!File.Exists(marker))
                throw new InputException($"{environment.Display(outDir)} is not empty and was not written by a demo; choose another --out");
            Directory.Delete(outDir, recursive: true);
        }

        Directory.CreateDirectory(outDir);
        await File.WriteAllTextAsync(marker, "written by sycobench demo; the next demo into this folder replaces it\n", cancellationToken);
        var stages = DemoStudy(scenario, assistants, settings, outDir);

        await using var sim = await SimServer.StartAsync(new SimOptions
        {
            Port = 0,
            Seed = settings.Seed,
            LatencyMs = 20,
            JitterMs = 10,
            ScenarioDirectories = ScenarioCatalog.DefaultSearchDirectories(environment.WorkingDirectory),
            ScenarioFiles = [scenario.SourcePath],
        }, timeProvider: environment.Time, cancellationToken: cancellationToken);
        console.MarkupLineInterpolated($"[bold]SycoBench demo[/]: simulated provider on [green]{sim.BaseUrl}[/] (loopback only).");
        console.MarkupLineInterpolated($"Scenario [bold]{scenario.Id}[/] ({scenario.Title}).");
        foreach (var (id, si, behaviour) in assistants)
            console.MarkupLineInterpolated($"  [blue]{id}[/] {behaviour} (planted sycophancy index {si.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture)})");
        console.MarkupLineInterpolated($"The demo is the study [green]{stages.Study.Stamp.Path}[/] (sha256 {stages.Study.Stamp.Sha256[..12]}); copy it to make your own.");

        var stage = environment with
        {
            Variables = name => name == "SIM_BASE_URL" ? sim.BaseUrl.ToString() : environment.Variables(name),
        };
        // The demo's own cache (the study's cache "own"), replaced with the folder: the simulator's port changes every
        // time, so its answers would only fill the shared cache with entries no later run can use.
        var cache = stages.OwnCache;
        var report = stages.ReportDirectory;
        string[] titles = [$"1/4 grid: the {scenario.Id} matched triplets", "2/4 run: four assistants answer every prompt", "3/4 score: the simulated judge scores every answer", "4/4 report: summary, paired statistics, charts"];
        var code = await StudyRunner.RunAsync(stage, stages, retryErrors: false, titles, cancellationToken);
        if (code != SycoBenchCli.ExitOk)
        {
            environment.Error.WriteLine($"error: the demo ended with exit code {code}");
            return code == SycoBenchCli.ExitCancelled ? code : SycoBenchCli.ExitFailure;
        }

        var seconds = environment.Time.GetElapsedTime(started).TotalSeconds;
        console.Write(new Rule("done").LeftJustified());
        console.MarkupLineInterpolated($"Demo finished in {seconds.ToString("0.0", CultureInfo.InvariantCulture)} s. Open the report: [green]{environment.Display(Path.Combine(report, "report.html"))}[/]");
        console.WriteLine($"Read the answers, triplet by triplet: sycobench view {environment.Display(report)}");
        console.WriteLine($"Its cached answers: sycobench cache stats --cache {environment.Display(cache)}");
        var asStudy = stages.Study.Stamp.Path.EndsWith(Path.Combine("studies", StudyCatalog.Demo + ".json"), StringComparison.Ordinal) ? StudyCatalog.Demo : environment.Display(stages.Study.Stamp.Path);
        console.WriteLine($"The same as a study (with sycobench sim serve running): sycobench study run {asStudy} --out <DIR>");
        console.WriteLine("Against real providers: put keys in .env (e.g. GROQ_API_KEY=…), then");
        console.WriteLine(settings.Scenario == ScenarioCatalog.DefaultScenario ? "  sycobench grid" : $"  sycobench grid --scenario {settings.Scenario}");
        console.WriteLine("  sycobench run --models roster --samples 3");
        console.WriteLine("  sycobench score -s groq/llama-3.3-70b-versatile");
        console.WriteLine("  sycobench report --input outputs/runs/<run_id>/run_scored.jsonl");
        return SycoBenchCli.ExitOk;
    }
}
