using System.Text.Json.Serialization;

namespace SycoBench.Labeling.Web;

internal sealed record ErrorBody(string Error);

/// <summary>The answer to a saved review: where to go next and whether this was a repeat of an earlier save.</summary>
internal sealed record SavedBody(string Status, long ReviewId, string Next);

/// <summary>The answer to an undo: the item that is the reviewer's again, and the page to show it.</summary>
internal sealed record UndoneBody(string Status, long ItemId, string Next);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ErrorBody))]
[JsonSerializable(typeof(UndoneBody))]
[JsonSerializable(typeof(SavedBody))]
internal sealed partial class WebJsonContext : JsonSerializerContext;
