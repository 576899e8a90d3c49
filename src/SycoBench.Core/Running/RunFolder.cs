using System.Text.Encodings.Web;
using System.Text.Json;

namespace SycoBench.Running;

/// <summary>
/// A run's folder (<c>outputs/runs/&lt;run_id&gt;/</c>): run_grid.json (what to ask, whom, how), run.jsonl (the
/// answers) and run.log. Everything a resume needs is read back from here.
/// </summary>
public sealed class RunFolder
{
    public const string ManifestFile = "run_grid.json";
    public const string RecordsFile = "run.jsonl";
    public const string LogFile = "run.log";

    private static readonly JsonSerializerOptions ManifestOptions = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = RunJsonContext.Default,
    };

    private RunFolder(string directory, RunManifest manifest)
    {
        Directory = directory;
        Manifest = manifest;
    }

    public string Directory { get; }

    public RunManifest Manifest { get; }

    public string RecordsPath => Path.Combine(Directory, RecordsFile);

    public string LogPath => Path.Combine(Directory, LogFile);

    public string ManifestPath => Path.Combine(Directory, ManifestFile);

    public static string DefaultDirectory(string workingDirectory, long runId) =>
        Path.Combine(workingDirectory, "outputs", "runs", runId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Creates the folder of a new run; refuses a folder that already holds a run.</summary>
    public static RunFolder Create(string directory, RunManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        if (File.Exists(Path.Combine(directory, ManifestFile)) || File.Exists(Path.Combine(directory, RecordsFile)))
            throw new InputException($"{directory} already holds a run; continue it with --resume {directory}, or choose another --out");
        System.IO.Directory.CreateDirectory(directory);
        var folder = new RunFolder(directory, manifest);
        var temp = folder.ManifestPath + ".tmp";
        File.WriteAllBytes(temp, JsonSerializer.SerializeToUtf8Bytes(manifest, ManifestOptions));
        File.Move(temp, folder.ManifestPath, overwrite: true);
        return folder;
    }

    public static RunFolder Open(string directory)
    {
        var path = Path.Combine(directory, ManifestFile);
        if (!File.Exists(path))
            throw new InputException($"{directory}: not a run folder (no {ManifestFile})");
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
        return new RunFolder(directory, manifest);
    }
}
