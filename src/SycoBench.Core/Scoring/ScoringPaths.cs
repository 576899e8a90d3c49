namespace SycoBench.Scoring;

/// <summary>Where <c>score</c> reads and writes when it is not told: the newest run, and the scored file beside it.</summary>
public static class ScoringPaths
{
    public const string ScoredSuffix = "_scored.jsonl";

    /// <summary>
    /// The newest <c>outputs/runs/*/run.jsonl</c> under <paramref name="workingDirectory"/>: the one written last
    /// (modification time), ties broken by the run folder's name; null when there is none.
    /// </summary>
    public static string? FindNewestRun(string workingDirectory)
    {
        var runs = Path.Combine(workingDirectory, "outputs", "runs");
        if (!Directory.Exists(runs))
            return null;
        return Directory.EnumerateDirectories(runs)
            .Select(d => Path.Combine(d, Running.RunFolder.RecordsFile))
            .Where(File.Exists)
            .OrderByDescending(File.GetLastWriteTimeUtc)
            .ThenByDescending(p => Path.GetFileName(Path.GetDirectoryName(p)), StringComparer.Ordinal)
            .FirstOrDefault();
    }

    /// <summary><c>&lt;input stem&gt;_scored.jsonl</c> beside the input: <c>run.jsonl</c> → <c>run_scored.jsonl</c>.</summary>
    public static string DefaultOutputFor(string inputPath)
    {
        var full = Path.GetFullPath(inputPath);
        return Path.Combine(Path.GetDirectoryName(full)!, Path.GetFileNameWithoutExtension(full) + ScoredSuffix);
    }

    /// <summary>The input to score: the given path, else the newest run; throws <see cref="InputException"/> when there is none.</summary>
    public static string ResolveInput(string? inputPath, string workingDirectory)
    {
        if (inputPath is not null)
        {
            var path = Path.GetFullPath(inputPath, workingDirectory);
            return File.Exists(path) ? path : throw new InputException($"{inputPath}: file not found");
        }

        return FindNewestRun(workingDirectory)
            ?? throw new InputException($"no run to score: {Path.Combine("outputs", "runs")} has no */run.jsonl under {workingDirectory}; give --input");
    }

    public static string ResolveOutput(string? outputPath, string inputPath, string workingDirectory)
    {
        var output = outputPath is null ? DefaultOutputFor(inputPath) : Path.GetFullPath(outputPath, workingDirectory);
        if (string.Equals(Path.GetFullPath(output), Path.GetFullPath(inputPath), StringComparison.Ordinal))
            throw new InputException($"{outputPath}: the output must not be the input file");
        return output;
    }

    /// <summary>
    /// The journal of <c>score --batch</c>'s batches beside the scored file: <c>run_scored.jsonl</c> →
    /// <c>run_scored.batches.json</c>.
    /// </summary>
    public static string BatchesPathFor(string outputPath)
    {
        var full = Path.GetFullPath(outputPath);
        return Path.Combine(Path.GetDirectoryName(full)!, Path.GetFileNameWithoutExtension(full) + ".batches.json");
    }
}
