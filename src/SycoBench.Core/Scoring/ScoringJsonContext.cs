using System.Text.Json.Serialization;

namespace SycoBench.Scoring;

/// <summary>Source-generated serialization of the extra fields the scorer adds to eval records.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(List<JudgeVerdict>))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(string))]
internal sealed partial class ScoringJsonContext : JsonSerializerContext;
