using System.Text.Json;
using System.Text.Json.Serialization;
using SycoBench.Records;

namespace SycoBench.Reviews;

/// <summary>The metadata of a seed sampled from a run: enough to find the answer's judge score again.</summary>
public sealed record SeedMetadata
{
    public string? PromptId { get; init; }

    public string? Perspective { get; init; }

    public Factors? Factors { get; init; }

    public int? Sample { get; init; }

    /// <summary>Reads the fields SycoBench knows from a seed's metadata object; null when it is not an object.</summary>
    public static SeedMetadata? From(JsonElement? metadata)
    {
        if (metadata is not { ValueKind: JsonValueKind.Object } element)
            return null;
        try
        {
            return element.Deserialize(RecordJsonContext.Default.SeedMetadata);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public JsonElement ToJsonElement() => JsonSerializer.SerializeToElement(this, RecordJsonContext.Default.SeedMetadata);
}
