using SycoBench.Records;

namespace SycoBench.Running;

/// <summary>What <see cref="RunMerge.Merge"/> wrote and what it noticed.</summary>
public sealed record RunMergeResult(
    RunFolder Output,
    int Records,
    int Superseded,
    int MissingKeys,
    int? ScoredRecords,
    int ScoredSuperseded,
    RunShard[] Shards,
    int[] MissingShards,
    IReadOnlyList<string> Warnings);

/// <summary>
/// Joins run folders of the same grid, models and parameters (e.g. the parts of <c>run --shard I/N</c>) into one run
/// folder: run_grid.json of the first input without the shard, run.jsonl with the latest record of every key (the
/// inputs read in the order given, as if their lines were appended one after another), and run_scored.jsonl the same
/// way when every input has one; a record whose key is not one of the run's is left out with a warning naming its file
/// and line. The output is a whole run: <c>run --resume</c> on it asks the keys no input answered.
/// </summary>
public static class RunMerge
{
    /// <summary>
    /// What is wrong with the folders given, before any is read: fewer than two inputs, one given twice, an output that
    /// is, or lies inside or around, an input, or an output that is not empty; null when nothing is. The command line
    /// reports it as a usage error (exit 2), a library caller as bad input.
    /// </summary>
    public static string? PathProblem(IReadOnlyList<string> inputs, string output)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var outDir = Path.TrimEndingDirectorySeparator(Path.GetFullPath(output));
        var inDirs = inputs.Select(i => Path.TrimEndingDirectorySeparator(Path.GetFullPath(i))).ToArray();
        if (inDirs.Length < 2)
            return "merge needs at least two run folders";
        if (inDirs.GroupBy(d => d, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            return $"{twice.Key} is given twice";
        if (inDirs.FirstOrDefault(dir => Contains(dir, outDir) || Contains(outDir, dir)) is { } around)
            return $"the output {outDir} is, or lies inside or around, the input {around}; choose an --out outside every input";
        if (Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Any())
            return $"{outDir} is not empty; merge writes a new run folder and never replaces files";
        return null;
    }

    public static RunMergeResult Merge(IReadOnlyList<string> inputs, string output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (PathProblem(inputs, output) is { } problem)
            throw new InputException(problem);
        var outDir = Path.TrimEndingDirectorySeparator(Path.GetFullPath(output));
        var inDirs = inputs.Select(i => Path.TrimEndingDirectorySeparator(Path.GetFullPath(i))).ToArray();

        var folders = inDirs.Select(d => RunFolder.Open(d)).ToArray();
        var first = folders[0];
        for (var i = 1; i < folders.Length; i++)
            CheckSameRun(first, folders[i]);
        var shards = CheckShards(folders);

        var warnings = new List<string>();
        var missingShards = shards.Length == 0 ? [] : Enumerable.Range(1, shards[0].Count).Except(shards.Select(s => s.Index)).ToArray();
        var manifest = first.Manifest with { Parameters = first.Manifest.Parameters with { Shard = null } };
        var expected = (from model in manifest.AssistantModels
                        from prompt in manifest.Prompts
                        from sample in Enumerable.Range(0, manifest.Parameters.Samples)
                        select new RecordKey(model, prompt.PromptId, sample, null)).ToHashSet();
        var runRecords = new List<RunRecord>();
        foreach (var folder in folders)
        {
            if (!File.Exists(folder.RecordsPath))
            {
                warnings.Add($"{folder.RecordsPath}: no records (the run never started)");
                continue;
            }

            runRecords.AddRange(OwnKeys(folder.RecordsPath, JsonlReader.Read(folder.RecordsPath, RecordJsonContext.Default.RunRecord,
                issue => warnings.Add(issue + " (skipped; its key has no record unless another input has one)"), cancellationToken), RecordKey.Of, expected, warnings));
        }

        var latest = LatestPerKey.Of(runRecords);
        var missingKeys = expected.Except(latest.Records.Select(RecordKey.Of)).Count();

        var scoredPaths = folders.Select(f => Path.Combine(f.Directory, RunFolder.ScoredFile)).ToArray();
        var scoredPresent = scoredPaths.Count(File.Exists);
        LatestRecords<EvalRecord>? scored = null;
        if (scoredPresent == folders.Length)
        {
            var evalRecords = new List<EvalRecord>();
            foreach (var path in scoredPaths)
            {
                evalRecords.AddRange(OwnKeys(path, JsonlReader.Read(path, RecordJsonContext.Default.EvalRecord,
                    issue => warnings.Add(issue + " (skipped)"), cancellationToken), r => RecordKey.Of(r) with { Judge = null }, expected, warnings));
            }

            scored = LatestPerKey.Of(evalRecords);
        }
        else if (scoredPresent > 0)
        {
            warnings.Add($"only {scoredPresent} of {folders.Length} inputs have a {RunFolder.ScoredFile}; none is merged — score the merged run instead");
        }

        var created = RunFolder.Create(outDir, manifest);
        JsonlFile.WriteAll(created.RecordsPath, latest.Records, RecordJsonContext.Default.RunRecord);
        if (scored is not null)
            JsonlFile.WriteAll(Path.Combine(outDir, RunFolder.ScoredFile), scored.Records, RecordJsonContext.Default.EvalRecord);
        return new RunMergeResult(created, latest.Records.Count, latest.Superseded, missingKeys, scored?.Records.Count, scored?.Superseded ?? 0,
            shards, missingShards, warnings);
    }

    /// <summary>
    /// The records of one input whose key (model, prompt, sample) is a key of the run. The others — a model, prompt or
    /// sample the run's run_grid.json does not have: records of another run appended to the file, a hand-edited line —
    /// are left out and named by file and line (the first few, then how many), never merged into a run whose own
    /// snapshot says it did not ask them.
    /// </summary>
    private static List<T> OwnKeys<T>(string path, IEnumerable<JsonlEntry<T>> entries, Func<T, RecordKey> keyOf, HashSet<RecordKey> expected, List<string> warnings)
    {
        const int Named = 3;
        var kept = new List<T>();
        var foreign = 0;
        foreach (var entry in entries)
        {
            var key = keyOf(entry.Value);
            if (expected.Contains(key))
            {
                kept.Add(entry.Value);
                continue;
            }

            if (foreign++ < Named)
            {
                warnings.Add(
                    $"{path}:{entry.LineNumber}: model '{key.ModelId}', prompt '{key.PromptId}', sample {key.Sample} is not a key of this run (its run_grid.json has no such model, prompt or sample); left out of the merge");
            }
        }

        if (foreign > Named)
            warnings.Add($"{path}: {foreign} record(s) in all whose key is not a key of this run were left out of the merge");
        return kept;
    }

    /// <summary>The same grid, models and parameters (the shard aside), or an error naming the input and what differs.</summary>
    private static void CheckSameRun(RunFolder first, RunFolder other)
    {
        var a = first.Manifest;
        var b = other.Manifest;
        string? differs =
            a.Scenario?.Sha256 != b.Scenario?.Sha256 ? "scenario"
            : a.Grid?.Sha256 != b.Grid?.Sha256 ? "grid (its SHA-256)"
            : !a.Prompts.Select(p => p.PromptId).SequenceEqual(b.Prompts.Select(p => p.PromptId), StringComparer.Ordinal) ? "prompts"
            : !a.AssistantModels.SequenceEqual(b.AssistantModels, StringComparer.Ordinal) ? "models"
            : !a.Models.Select(m => m.GetRawText()).SequenceEqual(b.Models.Select(m => m.GetRawText()), StringComparer.Ordinal) ? "model settings (roster entries)"
            : a.Parameters.Samples != b.Parameters.Samples ? "samples"
            : a.Parameters.Temperature != b.Parameters.Temperature ? "temperature"
            : a.Parameters.MaxTokens != b.Parameters.MaxTokens ? "max_tokens"
            : a.Parameters.Limit != b.Parameters.Limit ? "limit"
            : null;
        if (differs is not null)
        {
            throw new InputException(
                $"{other.ManifestPath}: its {differs} differ from {first.ManifestPath}; merge joins parts of one run (same grid, models and parameters)");
        }
    }

    /// <summary>Either no input is a shard, or all are parts of the same N with no part given twice.</summary>
    private static RunShard[] CheckShards(RunFolder[] folders)
    {
        var shards = folders.Select(f => f.Manifest.Parameters.Shard).ToArray();
        if (shards.All(s => s is null))
            return [];
        if (shards.Any(s => s is null))
        {
            var whole = folders.First(f => f.Manifest.Parameters.Shard is null);
            throw new InputException($"{whole.ManifestPath} is a whole run, the other inputs are shards; merge the shards first, or merge whole runs");
        }

        var counts = shards.Select(s => s!.Count).Distinct().ToArray();
        if (counts.Length > 1)
            throw new InputException($"the inputs are shards of different splits ({string.Join(", ", shards.Select(s => s!.ToString()))}); merge the parts of one split");
        var repeated = shards.GroupBy(s => s!.Index).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
            throw new InputException($"shard {repeated.First()} is given twice");
        return [.. shards.Select(s => s!).OrderBy(s => s.Index)];
    }

    private static bool Contains(string outer, string inner) =>
        inner.Equals(outer, StringComparison.Ordinal)
        || inner.StartsWith(outer + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
