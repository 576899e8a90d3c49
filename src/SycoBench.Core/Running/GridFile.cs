using System.Security.Cryptography;
using SycoBench.Records;

namespace SycoBench.Running;

/// <summary>Reads the grid a run is asked to send. Unlike answer files, a grid must be whole: any bad line is an error.</summary>
public static class GridFile
{
    public static (IReadOnlyList<GridPrompt> Prompts, string Sha256) Read(string path)
    {
        if (!File.Exists(path))
            throw new InputException($"{path}: grid not found (write one with `sycobench grid`)");
        var issues = new List<JsonlIssue>();
        var prompts = JsonlReader.Read(path, RecordJsonContext.Default.GridPrompt, issues.Add).Select(e => e.Value).ToList();
        if (issues.Count > 0)
        {
            var lines = string.Join(", ", issues.Take(5).Select(i => i.LineNumber));
            throw new InputException($"{path}: {issues.Count} malformed line(s) (line {lines}): {issues[0].Message}; fix or rebuild the grid");
        }

        if (prompts.Count == 0)
            throw new InputException($"{path}: the grid has no prompts");
        for (var i = 0; i < prompts.Count; i++)
        {
            var prompt = prompts[i];
            if (string.IsNullOrWhiteSpace(prompt.PromptId) || prompt.Messages is not { Count: > 0 } || prompt.Factors is null)
                throw new InputException($"{path}:{i + 1}: a grid line needs prompt_id, factors and messages");
        }

        var duplicate = prompts.GroupBy(p => p.PromptId, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InputException($"{path}: prompt_id '{duplicate.Key}' appears more than once");
        using var stream = File.OpenRead(path);
        return (prompts, Convert.ToHexStringLower(SHA256.HashData(stream)));
    }
}
