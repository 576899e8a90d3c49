using System.Text.Json.Serialization;

namespace SycoBench.Studies;

/// <summary>
/// The study folder's own record of the study it holds (<see cref="StudyStamp"/>), and a study file written back
/// (the demo's, when its options change the shipped one): snake_case, unknown fields refused.
/// </summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StudyStamp))]
[JsonSerializable(typeof(StudyFile))]
public sealed partial class StudyJsonContext : JsonSerializerContext;
