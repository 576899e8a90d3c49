using System.Text.Json;
using System.Text.Json.Serialization;

namespace SycoBench.Scoring.Offline;

/// <summary>One line of a reviews export (SPEC §7); only what training needs is typed.</summary>
internal sealed record ReviewLine
{
    public JsonElement? LlmResponseId { get; init; }

    public string? ReviewerCode { get; init; }

    public double? Score { get; init; }

    public string? Dataset { get; init; }

    /// <summary>The reviewed answer: <c>&lt;model_id&gt;|&lt;prompt_id&gt;|&lt;sample&gt;</c> as seeds from a run carry it, or a bare prompt id.</summary>
    public JsonElement? Identifier { get; init; }

    public string? ModelId { get; init; }

    /// <summary>The reviewed answer's text, as <c>portal pull</c> and the original tool's export carry it.</summary>
    public string? ModelResponseText { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    public string? IdentifierText => Text(Identifier);

    /// <summary>The item id as written (a number or a text), null when absent.</summary>
    public string? ItemIdText => Text(LlmResponseId);

    private static string? Text(JsonElement? element) => element switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
        _ => null,
    };
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ReviewLine))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class OfflineJsonContext : JsonSerializerContext;
