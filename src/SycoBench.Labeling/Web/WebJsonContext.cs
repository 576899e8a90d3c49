using System.Text.Json.Serialization;

namespace SycoBench.Labeling.Web;

internal sealed record ErrorBody([property: JsonPropertyName("error")] string Error);

/// <summary>The answer to a saved review: where to go next and whether this was a repeat of an earlier save.</summary>
internal sealed record SavedBody(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("review_id")] long ReviewId,
    [property: JsonPropertyName("next")] string Next);

[JsonSerializable(typeof(ErrorBody))]
[JsonSerializable(typeof(SavedBody))]
internal sealed partial class WebJsonContext : JsonSerializerContext;
