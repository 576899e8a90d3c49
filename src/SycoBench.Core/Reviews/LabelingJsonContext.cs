using System.Text.Json;
using System.Text.Json.Serialization;

namespace SycoBench.Reviews;

/// <summary>Source-generated serialization of the labeling file formats (seeds and review exports).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    NumberHandling = JsonNumberHandling.Strict,
    ReadCommentHandling = JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(LabelSeed))]
[JsonSerializable(typeof(ReviewExport))]
[JsonSerializable(typeof(SeedMetadata))]
[JsonSerializable(typeof(JsonElement))]
public sealed partial class LabelingJsonContext : JsonSerializerContext;
