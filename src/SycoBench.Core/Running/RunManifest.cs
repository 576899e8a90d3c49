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
    public bool IncludeNeutral { get; init; }

    public int Total { get; init; }

    public int Selected { get; init; }

    [JsonPropertyName("factors")]
    public IReadOnlyList<Factors> FactorsList { get; init; } = [];

    public IReadOnlyList<string> AssistantModels { get; init; } = [];

    public string Mode { get; init; } = "live";

    public long RunId { get; init; }

    public string CreatedIso { get; init; } = "";

    public string Tool { get; init; } = "sycobench";

    public string ToolVersion { get; init; } = "";

    public ScenarioStamp? Scenario { get; init; }

    public GridStamp? Grid { get; init; }

    public RunParameters Parameters { get; init; } = new();

    /// <summary>Whether the run used the response cache, and which; <c>--resume</c> keeps it unless told otherwise.</summary>
    public CacheSetting? Cache { get; init; }

    /// <summary>The roster entries as loaded (never any key: rosters name key variables, not values).</summary>
    public IReadOnlyList<JsonElement> Models { get; init; } = [];

    public IReadOnlyList<GridPrompt> Prompts { get; init; } = [];

    /// <summary>The price table's date and each model's price when the run started; null in runs written before.</summary>
    public Costs.RunPrices? Prices { get; init; }

    /// <summary>The study file the run was made from (<c>study run</c>); absent in runs started by <c>run</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Studies.StudyStamp? Study { get; init; }
}

/// <summary>The response cache a run read and wrote (<see cref="Path"/> as given), or that it ran without one.</summary>
public sealed record CacheSetting(bool Enabled, string? Path);

/// <summary>The scenario a grid was built from, identified by its file's SHA-256.</summary>
public sealed record ScenarioStamp(string Id, string Sha256, string? Title);

/// <summary>The grid file a run read, with the SHA-256 of its bytes.</summary>
public sealed record GridStamp(string Path, string Sha256);

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(RunManifest))]
internal sealed partial class RunJsonContext : JsonSerializerContext;
