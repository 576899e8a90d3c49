using System.Text.Json.Serialization;

namespace SycoBench.Running;

/// <summary>The request parameters of a run, recorded in run_grid.json so a resumed run asks exactly the same way.</summary>
public sealed record RunParameters
{
    /// <summary>How many times each prompt is asked (sample indices 0 … Samples−1).</summary>
    public int Samples { get; init; } = 1;

    /// <summary>Temperature for every model; null means each roster entry's, else 0.2 (SPEC §3).</summary>
    public double? Temperature { get; init; }

    public int? MaxTokens { get; init; }

    public int? Limit { get; init; }

    /// <summary>This run's part of the keys (<c>--shard I/N</c>); absent for a whole run, so its manifest is as before.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public RunShard? Shard { get; init; }

    public const double DefaultTemperature = 0.2;
}
