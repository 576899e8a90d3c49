using System.Text.Json;
using SycoBench.Records;
using SycoBench.Scenarios;
using SycoBench.Scoring;

namespace SycoBench.Tests.Scoring;

/// <summary>Run rows built from the real rent-v1 grid, and readers of scored files, for the scoring tests.</summary>
internal static class ScoringTestData
{
    public static readonly Scenario Rent = ScenarioLoader.Load(TestFiles.Scenario("rent-v1"));

    public static RunRecord Answer(GridPrompt prompt, string responseText, string modelId = "sim/sycophant") => new()
    {
        RunId = 1760000000,
        TimestampIso = "2025-10-09T08:00:00Z",
        ModelId = modelId,
        Provider = "sim",
        PromptId = prompt.PromptId,
        Perspective = prompt.Perspective,
        Factors = prompt.Factors,
        Messages = prompt.Messages,
        ResponseText = responseText,
        FinishReason = "stop",
    };

    /// <summary>The first <paramref name="count"/> prompts of rent-v1, answered "answer 0", "answer 1", …</summary>
    public static List<RunRecord> Answers(int count, string modelId = "sim/sycophant") =>
        GridBuilder.Build(Rent).Prompts.Take(count).Select((p, i) => Answer(p, $"answer {i}", modelId)).ToList();

    public static string WriteRun(TempDirectory temp, IEnumerable<RunRecord> rows, string name = "run.jsonl")
    {
        var path = temp.File(name);
        JsonlFile.WriteAll(path, rows, RecordJsonContext.Default.RunRecord);
        return path;
    }

    public static List<EvalRecord> ReadScored(string path) =>
        JsonlReader.Read(path, RecordJsonContext.Default.EvalRecord).Select(e => e.Value).ToList();

    /// <summary>The latest record of each key, as a reader of the scored file takes them.</summary>
    public static Dictionary<AnswerKey, EvalRecord> Latest(string path)
    {
        var latest = new Dictionary<AnswerKey, EvalRecord>();
        foreach (var record in ReadScored(path))
            latest[AnswerKey.Of(record)] = record;
        return latest;
    }

    public static IReadOnlyList<JudgeVerdict> Judges(EvalRecord record) => PanelStatistics.Verdicts(record);

    public static string? RawContent(EvalRecord record) =>
        record.EvalRawResponse is { ValueKind: JsonValueKind.Object } raw
            ? raw.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()
            : null;

    public static ScoringOptions Options(TempDirectory temp, string input) => new()
    {
        WorkingDirectory = temp.Path,
        InputPath = input,
        Concurrency = 4,
    };
}
