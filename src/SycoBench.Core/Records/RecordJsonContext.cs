using System.Text.Json;
using System.Text.Json.Serialization;
using SycoBench.Reviews;

namespace SycoBench.Records;

/// <summary>
/// Source-generated serialization of the line formats SycoBench reads and writes: grid, run and scored records, and
/// the labeling seeds and review exports.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    NumberHandling = JsonNumberHandling.Strict,
    ReadCommentHandling = JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(GridPrompt))]
[JsonSerializable(typeof(Factors))]
[JsonSerializable(typeof(RunRecord))]
[JsonSerializable(typeof(EvalRecord))]
[JsonSerializable(typeof(LabelSeed))]
[JsonSerializable(typeof(ReviewExport))]
[JsonSerializable(typeof(SeedMetadata))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(string))]
public sealed partial class RecordJsonContext : JsonSerializerContext;
