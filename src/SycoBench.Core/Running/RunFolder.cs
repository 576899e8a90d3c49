using System.Text.Encodings.Web;
using System.Text.Json;
using SycoBench.IO;

namespace SycoBench.Running;

/// <summary>
/// A run's folder (<c>outputs/runs/&lt;run_id&gt;/</c>): run_grid.json (what to ask, whom, how), run.jsonl (the
/// answers) and run.log. Everything a resume needs is read back from here. A run written to a named file
/// (<c>run --out results/pilot.jsonl</c>, as the original tool allowed) keeps its snapshot and log beside it:
/// <c>pilot_grid.json</c> and <c>pilot.log</c>.
/// </summary>
public sealed class RunFolder
{
    public const string ManifestFile = "run_grid.json";
    public const string RecordsFile = "run.jsonl";
    public const string LogFile = "run.log";
    public const string BatchesFile = "batches.json";

    /// <summary>What <c>score</c> writes beside run.jsonl when not told otherwise (<see cref="Scoring.ScoringPaths.DefaultOutputFor"/>).</summary>
    public const string ScoredFile = "run_scored.jsonl";

    private static readonly JsonSerializerOptions ManifestOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = RunJsonContext.Default,
    };

    private RunFolder(string directory, RunManifest manifest, string? stem)
    {
        Directory = directory;
        Manifest = manifest;
        Stem = stem;
    }

    public string Directory { get; }

    public RunManifest Manifest { get; }

    /// <summary>The records file's name without <c>.jsonl</c> when the run was written to a named file; null for a run folder.</summary>
    public string? Stem { get; }

    public string RecordsPath => RecordsPathOf(Directory, Stem);

    public string LogPath => LogPathOf(Directory, Stem);

    public string ManifestPath => ManifestPathOf(Directory, Stem);

    /// <summary>The run's Batch API journal (<c>run --batch</c>): batches.json, or <c>&lt;stem&gt;_batches.json</c>.</summary>
    public string BatchesPath => BatchesPathOf(Directory, Stem);

    /// <summary>What is resumed or displayed: the folder, or the records file of a run written to a named file.</summary>
    public string Location => Stem is null ? Directory : RecordsPath;

    public static string RecordsPathOf(string directory, string? stem) => FileOf(directory, stem, RecordsFile, ".jsonl");

    public static string BatchesPathOf(string directory, string? stem) => FileOf(directory, stem, BatchesFile, "_batches.json");

    public static string LogPathOf(string directory, string? stem) => FileOf(directory, stem, LogFile, ".log");

    public static string ManifestPathOf(string directory, string? stem) => FileOf(directory, stem, ManifestFile, "_grid.json");

    /// <summary>
    /// Splits an <c>--out</c> or <c>--resume</c> value: a path ending in <c>.jsonl</c> names the records file (its
    /// folder and stem), anything else a run folder.
    /// </summary>
    public static (string Directory, string? Stem) Split(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || System.IO.Directory.Exists(path))
            return (path, null);
        var full = Path.GetFullPath(path);
        return (Path.GetDirectoryName(full)!, Path.GetFileNameWithoutExtension(full));
    }

    public static string DefaultDirectory(string workingDirectory, long runId) =>
        Path.Combine(workingDirectory, "outputs", "runs", runId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Creates the folder of a new run; refuses a folder that already holds a run.</summary>
    public static RunFolder Create(string directory, RunManifest manifest, string? stem = null)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var records = RecordsPathOf(directory, stem);
        var where = stem is null ? directory : records;
        if (File.Exists(ManifestPathOf(directory, stem)) || File.Exists(records) || File.Exists(BatchesPathOf(directory, stem)))
            throw new InputException($"{where} already holds a run; continue it with --resume {where}, or choose another --out");
        System.IO.Directory.CreateDirectory(directory);
        var folder = new RunFolder(directory, manifest, stem);
        AtomicFile.Write(folder.ManifestPath, stream => stream.Write(JsonSerializer.SerializeToUtf8Bytes(manifest, ManifestOptions)));
        return folder;
    }

    public static RunFolder Open(string directory, string? stem = null)
    {
        var path = ManifestPathOf(directory, stem);
        if (!File.Exists(path))
            throw new InputException(stem is null ? $"{directory}: not a run folder (no {ManifestFile})" : $"{RecordsPathOf(directory, stem)}: no snapshot {Path.GetFileName(path)} beside it");
        RunManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize(File.ReadAllBytes(path), RunJsonContext.Default.RunManifest);
        }
        catch (JsonException ex)
        {
            throw new InputException($"{path}: cannot be read ({ex.Message})", ex);
        }

        // Members absent from the file come back null (source-generated init-only members), not as their defaults.
        if (manifest is null || manifest.Tool != "sycobench" || manifest.Parameters is null)
        {
            throw new InputException(
                $"{path}: not a SycoBench run (no 'tool': 'sycobench' — e.g. a run folder of the original Python tool); it cannot be resumed, but its {RecordsFile} can be scored and reported");
        }

        if (manifest.Prompts is not { Count: > 0 } || manifest.Models is not { Count: > 0 })
            throw new InputException($"{path}: records no prompts or no models; it cannot be resumed");
        return new RunFolder(directory, manifest, stem);
    }

    /// <summary>One of the run's files: its name in a run folder, or the records file's stem and a suffix beside a named records file.</summary>
    private static string FileOf(string directory, string? stem, string nameInFolder, string suffixOfStem) =>
        Path.Combine(directory, stem is null ? nameInFolder : stem + suffixOfStem);
}
