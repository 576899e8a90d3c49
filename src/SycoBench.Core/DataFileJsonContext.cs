using System.Text.Json.Serialization;
using SycoBench.Models;
using SycoBench.Scenarios;
using SycoBench.Scoring;

namespace SycoBench;

/// <summary>
/// Source-generated reading and writing of the data files researchers edit: snake_case names, unknown fields
/// refused, required members and nullable annotations enforced (a misspelt or mistyped field is an error, never
/// ignored). <see cref="DataFileReader"/> turns the serializer's failures into messages naming file and JSON path.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    AllowDuplicateProperties = false,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow,
    AllowTrailingCommas = false)]
[JsonSerializable(typeof(RosterEntryJson))]
[JsonSerializable(typeof(ProviderRegistryJson))]
[JsonSerializable(typeof(RubricJson))]
[JsonSerializable(typeof(ScenarioFile))]
[JsonSerializable(typeof(Costs.PriceTable))]
[JsonSerializable(typeof(Studies.StudyFile))]
public sealed partial class DataFileJsonContext : JsonSerializerContext;
