using System.Text.Json.Serialization;

namespace SycoBench.Scenarios;

/// <summary>
/// Source-generated reading of scenario files: snake_case names, no unknown or repeated field, required members
/// required, nulls only where a member is nullable (see <see cref="DataFileReader"/>).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowDuplicateProperties = false,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    NumberHandling = JsonNumberHandling.Strict,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow,
    AllowTrailingCommas = false)]
[JsonSerializable(typeof(ScenarioFile))]
internal sealed partial class ScenarioJsonContext : JsonSerializerContext;
