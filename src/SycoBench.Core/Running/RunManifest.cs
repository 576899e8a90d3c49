using System.Text.Json;
using System.Text.Json.Serialization;
using SycoBench.Records;

namespace SycoBench.Running;

/// <summary>
/// run_grid.json: everything needed to understand and finish a run — prompts, models, parameters, tool version,
/// scenario and grid hashes. Keeps the original tool's keys (<c>include_neutral</c>, <c>total</c>, <c>selected</c>,
/// <c>factors</c>, <c>assistant_models</c>, <c>mode</c>) so its readers still work.
/// </summary>
public sealed record RunManifest
{
    [JsonPropertyName("include_neutral")]
    public bool IncludeNeutral { get; init; }

    [JsonPropertyName("total")]
    public int Total { get; init; }

    [JsonPropertyName("selected")]
    public int Selected { get; init; }

    [JsonPropertyName("factors")]
    public IReadOnlyList<Factors> FactorsList { get; init; } = [];

    [JsonPropertyName("assistant_models")]
    public IReadOnlyList<string> AssistantModels { get; init; } = [];

    [JsonPropertyName("mode")]
    public string Mode { get; init; } = "live";

    [JsonPropertyName("run_id")]
    public long RunId { get; init; }

    [JsonPropertyName("created_iso")]
    public string CreatedIso { get; init; } = "";

    [JsonPropertyName("tool")]
    public string Tool { get; init; } = "sycobench";

    [JsonPropertyName("tool_version")]
    public string ToolVersion { get; init; } = "";

    [JsonPropertyName("scenario")]
    public ScenarioStamp? Scenario { get; init; }

    [JsonPropertyName("grid")]
    public GridStamp? Grid { get; init; }

    [JsonPropertyName("parameters")]
    public RunParameters Parameters { get; init; } = new();

    /// <summary>Whether the run used the response cache, and which; <c>--resume</c> keeps it unless told otherwise.</summary>
    [JsonPropertyName("cache")]
    public CacheSetting? Cache { get; init; }

    /// <summary>The roster entries as loaded (never any key: rosters name key variables, not values).</summary>
    [JsonPropertyName("models")]
    public IReadOnlyList<JsonElement> Models { get; init; } = [];

    [JsonPropertyName("prompts")]
    public IReadOnlyList<GridPrompt> Prompts { get; init; } = [];

    /// <summary>The price table's date and each model's price when the run started; null in runs written before.</summary>
    [JsonPropertyName("prices")]
    public Costs.RunPrices? Prices { get; init; }

    /// <summary>The study file the run was made from (<c>study run</c>); absent in runs started by <c>run</c>.</summary>
    [JsonPropertyName("study")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Studies.StudyStamp? Study { get; init; }
}

/// <summary>The response cache a run read and wrote (<see cref="Path"/> as given), or that it ran without one.</summary>
public sealed record CacheSetting(
    [property: JsonPropertyName("enabled")] bool Enabled,
    [property: JsonPropertyName("path")] string? Path);

/// <summary>The scenario a grid was built from, identified by its file's SHA-256.</summary>
public sealed record ScenarioStamp(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("sha256")] string Sha256,
    [property: JsonPropertyName("title")] string? Title);

/// <summary>The grid file a run read, with the SHA-256 of its bytes.</summary>
public sealed record GridStamp(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("sha256")] string Sha256);

[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(RunManifest))]
internal sealed partial class RunJsonContext : JsonSerializerContext;
