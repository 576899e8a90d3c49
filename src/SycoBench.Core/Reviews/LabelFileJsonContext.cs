using System.Text.Json;
using System.Text.Json.Serialization;

namespace SycoBench.Reviews;

/// <summary>
/// Reading of the labeling line files people write or keep by hand — seeds pushed into the label store and reviews
/// exports read by <c>agreement</c> — as <see cref="Records.RecordJsonContext"/> writes them, except that a line naming
/// a field twice is refused: the serializer would otherwise keep the last value and drop the first without a word
/// (<c>{"score": 0.1, …, "score": -0.9}</c> analysed as −0.9).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    NumberHandling = JsonNumberHandling.Strict,
    ReadCommentHandling = JsonCommentHandling.Disallow,
    AllowDuplicateProperties = false)]
[JsonSerializable(typeof(LabelSeed))]
[JsonSerializable(typeof(ReviewExport))]
public sealed partial class LabelFileJsonContext : JsonSerializerContext;
