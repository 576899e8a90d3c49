using SycoBench.Records;
using SycoBench.Scenarios;

namespace SycoBench.Labeling.Tests;

/// <summary>A small run of a scenario as <c>run</c> writes it: answers to the first prompts of its real grid.</summary>
internal static class RunFiles
{
    /// <summary>
    /// Writes <c>run.jsonl</c> (two models, <paramref name="prompts"/> prompts each) into <paramref name="folder"/> and,
    /// when <paramref name="recordScenario"/>, a run_grid.json naming the scenario as <c>run</c> does. Returns the run file.
    /// </summary>
    public static string Write(string folder, string scenarioId, int prompts = 6, bool recordScenario = true)
    {
        Directory.CreateDirectory(folder);
        var scenario = ScenarioCatalog.Load(scenarioId, folder);
        var grid = GridBuilder.Build(scenario).Prompts.Take(prompts).ToList();
        var rows = from model in new[] { "sim/alpha", "sim/beta" }
                   from prompt in grid
                   select new RunRecord
                   {
                       RunId = 1700000000,
                       ModelId = model,
                       PromptId = prompt.PromptId,
                       Perspective = prompt.Perspective,
                       Factors = prompt.Factors,
                       Messages = prompt.Messages,
                       ResponseText = $"{model} answers {prompt.PromptId}: both sides have a point.",
                   };
        var path = Path.Combine(folder, "run.jsonl");
        JsonlFile.WriteAll(path, rows, RecordJsonContext.Default.RunRecord);
        if (recordScenario)
            File.WriteAllText(Path.Combine(folder, "run_grid.json"), $$"""{ "scenario": { "id": "{{scenario.Id}}", "sha256": "{{scenario.Sha256}}" } }""");
        return path;
    }
}
