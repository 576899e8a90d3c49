using SycoBench.Records;

namespace SycoBench.Running;

/// <summary>
/// What a run folder already holds: the latest record of each (model, prompt, sample) key in run.jsonl. A torn last
/// line from a crash, or any malformed line, is reported and skipped.
/// </summary>
public sealed class RunState
{
    private readonly Dictionary<RunKey, RunRecord> _latest;
    private readonly Dictionary<RunKey, long> _lineOf;

    private RunState(Dictionary<RunKey, RunRecord> latest, Dictionary<RunKey, long> lineOf, int lines, IReadOnlyList<JsonlIssue> issues)
    {
        _latest = latest;
        _lineOf = lineOf;
        Lines = lines;
        Issues = issues;
    }

    public static RunState Empty { get; } = new([], [], 0, []);

    public int Lines { get; }

    public IReadOnlyList<JsonlIssue> Issues { get; }

    public IReadOnlyCollection<RunRecord> Latest => _latest.Values;

    public static RunState Read(string runJsonl)
    {
        if (!File.Exists(runJsonl))
            return Empty;
        var latest = new Dictionary<RunKey, RunRecord>();
        var lineOf = new Dictionary<RunKey, long>();
        var issues = new List<JsonlIssue>();
        var lines = 0;
        foreach (var entry in JsonlReader.Read(runJsonl, RecordJsonContext.Default.RunRecord, issues.Add))
        {
            var record = entry.Value;
            var key = new RunKey(record.ModelId, record.PromptId, record.SampleIndex);
            latest[key] = record;
            lineOf[key] = entry.LineNumber;
            lines++;
        }

        return new RunState(latest, lineOf, lines, issues);
    }

    /// <summary>
    /// The keys whose latest record is of a model, prompt or sample the run does not ask (records of another run
    /// appended to the file, a hand-edited line), with the line of that record, in file order. A resume leaves them in
    /// the file, which it never rewrites, and says so: score and report would otherwise count them without a word.
    /// </summary>
    public IReadOnlyList<(long Line, RunKey Key)> KeysOutside(IEnumerable<string> models, IEnumerable<string> promptIds, int samples)
    {
        var modelSet = models.ToHashSet(StringComparer.Ordinal);
        var promptSet = promptIds.ToHashSet(StringComparer.Ordinal);
        return _lineOf.Where(p => !modelSet.Contains(p.Key.ModelId) || !promptSet.Contains(p.Key.PromptId) || p.Key.Sample < 0 || p.Key.Sample >= samples)
            .Select(p => (p.Value, p.Key))
            .OrderBy(p => p.Value)
            .ToList();
    }

    /// <summary>The latest record of a key, or null.</summary>
    public RunRecord? LatestOf(RunKey key) => _latest.GetValueOrDefault(key);

    public bool Succeeded(RunKey key) => _latest.TryGetValue(key, out var record) && record.Succeeded;

    public bool Failed(RunKey key) => _latest.TryGetValue(key, out var record) && !record.Succeeded;
}
