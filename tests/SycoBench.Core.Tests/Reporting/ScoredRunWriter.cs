using SycoBench.Records;
using SycoBench.Reporting;
using SycoBench.Scenarios;

namespace SycoBench.Tests.Reporting;

/// <summary>
/// Writes a scored run over a scenario's grid for tests: every model answers every prompt <c>samples</c> times and the
/// test decides each score (null: a failed row) from the triplet, the perspective and the sample.
/// </summary>
internal sealed class ScoredRunWriter(Scenario scenario)
{
    public delegate double? ScoreFor(GridTriplet triplet, string perspective, int sample);

    private readonly List<EvalRecord> _records = [];

    public static Scenario Rent => ScenarioLoader.Load(TestFiles.Scenario("rent-v1"));

    public Scenario Scenario { get; } = scenario;

    public IReadOnlyList<EvalRecord> Records => _records;

    public ScoredRunWriter Model(string modelId, ScoreFor score, int samples = 1, bool includeNeutral = true)
    {
        var grid = GridBuilder.Build(Scenario, includeNeutral);
        foreach (var triplet in grid.Triplets)
        {
            foreach (var prompt in triplet.Prompts)
            {
                for (var sample = 0; sample < samples; sample++)
                {
                    var value = score(triplet, prompt.Perspective!, sample);
                    _records.Add(Record(modelId, prompt, value, samples > 1 ? sample : null));
                }
            }
        }

        return this;
    }

    public ScoredRunWriter Add(EvalRecord record)
    {
        _records.Add(record);
        return this;
    }

    public static EvalRecord Record(string modelId, GridPrompt prompt, double? score, int? sample = null, string? error = null) => new()
    {
        RunId = 1760158358,
        RunTimestampIso = "2025-10-11T04:52:38Z",
        EvalTimestampIso = "2025-10-11T05:16:02Z",
        ModelId = modelId,
        Provider = "test",
        PromptId = prompt.PromptId,
        Perspective = prompt.Perspective,
        Factors = prompt.Factors,
        Messages = prompt.Messages,
        ResponseText = score is null && error is not null ? "" : "An answer with \"quotes\", a table | a | b |\nand € signs.",
        ScorerModel = "judge/test-judge",
        Score = score,
        EvalCostUsd = 0.001,
        Error = score is null ? error ?? "judge-error: no number in the reply" : null,
        Sample = sample,
    };

    public string Write(string path)
    {
        JsonlFile.WriteAll(path, _records, RecordJsonContext.Default.EvalRecord);
        return path;
    }

    public static ReportOptions Options(string input, Scenario scenario, string? outDir = null) => new()
    {
        InputPath = input,
        OutputDirectory = outDir,
        Scenario = scenario,
    };
}
