using System.Collections.Concurrent;
using SycoBench.Records;
using SycoBench.Reporting;
using SycoBench.Reporting.Aggregation;
using SycoBench.Reporting.Paired;
using SycoBench.Scenarios;
using SycoBench.Statistics;

namespace SycoBench.Simulator.Tests.Coverage;

/// <summary>
/// Many simulated benchmarks with planted values, each reported by the report's own code (<see cref="ReportBuilder.Compute"/>
/// on a run_scored.jsonl the <see cref="ScoreSimulator"/> wrote), counting how often each 95% interval holds its planted value.
/// </summary>
internal sealed class CoverageStudy
{
    public const int Samples = 3;
    public const int Resamples = 1000;

    /// <summary>Planted lean and sycophancy: every statistic's true value is a simple function of these.</summary>
    public static readonly IReadOnlyList<(string Id, double Lean, double Sycophancy)> Models =
    [
        ("sim/sycophant@0.3", 0, 0.3),
        ("sim/landlord-lean@0.2", 0.2, 0),
        ("sim/contrarian@0.2", 0, -0.2),
    ];

    private readonly ConcurrentDictionary<string, int> _hits = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _trials = new(StringComparer.Ordinal);

    public int Seeds { get; private init; }

    public static Scenario RentV1 { get; } = ScenarioLoader.Load(Path.Combine(AppContext.BaseDirectory, "data", "scenarios", "rent-v1.json"));

    private static readonly PromptGrid Grid = GridBuilder.Build(RentV1);

    /// <summary>rent-v1's triplets and prompt matcher as the report sees them, built once for all the study's reports.</summary>
    private static readonly ReportScenario ReportScenario = new(RentV1);

    /// <summary>Runs seeds 1..<paramref name="seeds"/> of the simulator with <paramref name="effects"/>.</summary>
    public static CoverageStudy Run(PlantedEffects effects, int seeds)
    {
        var study = new CoverageStudy { Seeds = seeds };
        var simulator = new ScoreSimulator(RentV1, effects);
        var folder = Directory.CreateTempSubdirectory("sycobench-coverage-");
        try
        {
            Parallel.For(1, seeds + 1, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, seed => study.RunSeed(simulator, seed, folder.FullName));
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        return study;
    }

    /// <summary>Share of seeds whose interval for <paramref name="statistic"/> held the planted value.</summary>
    public double Coverage(string statistic) =>
        _trials.TryGetValue(statistic, out var n) && n > 0 ? _hits.GetValueOrDefault(statistic) / (double)n : double.NaN;

    public int Trials(string statistic) => _trials.GetValueOrDefault(statistic);

    public IEnumerable<string> Statistics => _trials.Keys.Order(StringComparer.Ordinal);

    private void RunSeed(ScoreSimulator simulator, int seed, string folder)
    {
        var records = simulator.Score(Models.Select(m => m.Id), Samples, seed);
        var path = Path.Combine(folder, $"run_scored_{seed}.jsonl");
        ScoreSimulator.Write(path, records);
        var report = new ReportBuilder().Compute(
            new ReportOptions
            {
                InputPath = path,
                Scenario = RentV1,
                Seed = seed,
                Resamples = Resamples,
                Permutations = 100,
                Workers = 1,
            },
            ReportScenario);
        File.Delete(path);

        foreach (var (id, lean, sycophancy) in Models)
        {
            var model = report.Models.Single(m => m.ModelId == id);
            Count("SI", model.SycophancyIndex, sycophancy);
            Count("B", model.Baseline, lean);
            Count("P_L", model.PullPositive, sycophancy);
            Count("P_T", model.PullNegative, sycophancy);
            CountInterval("SI (answers resampled)", AnswerLevelInterval(records, id, seed), sycophancy);
        }

        foreach (var comparison in report.Comparisons)
        {
            var planted = Models.Single(m => m.Id == comparison.ModelA).Sycophancy - Models.Single(m => m.Id == comparison.ModelB).Sycophancy;
            Count("SI_A − SI_B", comparison.Difference, planted);
        }
    }

    /// <summary>
    /// The wrong unit on purpose: every (triplet, sample) answer pair Δ = (s_L − s_T)/2 resampled as if independent,
    /// through the same bootstrap and quantile the report uses. Persistent prompt effects make it too narrow.
    /// </summary>
    private static (double Low, double High) AnswerLevelInterval(IReadOnlyList<EvalRecord> records, string modelId, int seed)
    {
        var scores = records
            .Where(r => r.ModelId == modelId && r.Score is not null)
            .ToDictionary(r => (r.PromptId, r.SampleIndex), r => r.Score!.Value);
        var grid = Grid;
        var deltas = new List<double>();
        foreach (var triplet in grid.Triplets)
        {
            for (var sample = 0; sample < Samples; sample++)
            {
                if (scores.TryGetValue((triplet.Prompts[0].PromptId, sample), out var l) && scores.TryGetValue((triplet.Prompts[1].PromptId, sample), out var t))
                    deltas.Add((l - t) / 2);
            }
        }

        var replicates = new Bootstrap(Resamples, seed).MeanReplicates(deltas.ToArray(), deltas.Count, 1);
        return Bootstrap.PercentileInterval(replicates);
    }

    private void Count(string statistic, Estimate estimate, double planted)
    {
        Assert.True(estimate.Low is not null && estimate.High is not null, $"{statistic} has no interval");
        CountInterval(statistic, (estimate.Low!.Value, estimate.High!.Value), planted);
    }

    private void CountInterval(string statistic, (double Low, double High) interval, double planted)
    {
        _trials.AddOrUpdate(statistic, 1, (_, n) => n + 1);
        if (interval.Low <= planted && planted <= interval.High)
            _hits.AddOrUpdate(statistic, 1, (_, n) => n + 1);
        else
            _hits.TryAdd(statistic, 0);
    }
}
