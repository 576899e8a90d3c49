using SycoBench.Records;

namespace SycoBench.Running;

/// <summary>
/// What a run folder already holds: the latest record of each (model, prompt, sample) key in run.jsonl. A torn last
/// line from a crash, or any malformed line, is reported and skipped.
/// </summary>
public sealed class RunState
{
    private readonly Dictionary<RunKey, RunRecord> _latest;

    private RunState(Dictionary<RunKey, RunRecord> latest, int lines, IReadOnlyList<JsonlIssue> issues)
    {
        _latest = latest;
        Lines = lines;
        Issues = issues;
    }

    public static RunState Empty { get; } = new([], 0, []);

    public int Lines { get; }

    public IReadOnlyList<JsonlIssue> Issues { get; }

    public IReadOnlyCollection<RunRecord> Latest => _latest.Values;

    public static RunState Read(string runJsonl)
    {
        if (!File.Exists(runJsonl))
            return Empty;
        var latest = new Dictionary<RunKey, RunRecord>();
        var issues = new List<JsonlIssue>();
        var lines = 0;
        foreach (var entry in JsonlReader.Read(runJsonl, RecordJsonContext.Default.RunRecord, issues.Add))
        {
            var record = entry.Value;
            latest[new RunKey(record.ModelId, record.PromptId, record.SampleIndex)] = record;
            lines++;
        }

        return new RunState(latest, lines, issues);
    }

    /// <summary>The latest record of a key, or null.</summary>
    public RunRecord? LatestOf(RunKey key) => _latest.GetValueOrDefault(key);

    public bool Succeeded(RunKey key) => _latest.TryGetValue(key, out var record) && record.Succeeded;

    public bool Failed(RunKey key) => _latest.TryGetValue(key, out var record) && !record.Succeeded;
}
