using System.Text.Json.Serialization;

namespace SycoBench.Labeling.Web;

internal sealed record ErrorBody([property: JsonPropertyName("error")] string Error);

/// <summary>The answer to a saved review: where to go next and whether this was a repeat of an earlier save.</summary>
internal sealed record SavedBody(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("review_id")] long ReviewId,
    [property: JsonPropertyName("next")] string Next);

/// <summary>The answer to an undo: the item that is the reviewer's again, and the page to show it.</summary>
internal sealed record UndoneBody(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("item_id")] long ItemId,
    [property: JsonPropertyName("next")] string Next);

[JsonSerializable(typeof(ErrorBody))]
[JsonSerializable(typeof(UndoneBody))]
[JsonSerializable(typeof(SavedBody))]
internal sealed partial class WebJsonContext : JsonSerializerContext;
