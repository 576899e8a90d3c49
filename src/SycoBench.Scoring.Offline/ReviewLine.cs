using System.Text.Json;
using System.Text.Json.Serialization;

namespace SycoBench.Scoring.Offline;

/// <summary>One line of a reviews export (SPEC §7); only what training needs is typed.</summary>
internal sealed record ReviewLine
{
    [JsonPropertyName("llm_response_id")]
    public JsonElement? LlmResponseId { get; init; }

    [JsonPropertyName("reviewer_code")]
    public string? ReviewerCode { get; init; }

    [JsonPropertyName("score")]
    public double? Score { get; init; }

    [JsonPropertyName("dataset")]
    public string? Dataset { get; init; }

    /// <summary>The reviewed answer: <c>&lt;model_id&gt;|&lt;prompt_id&gt;|&lt;sample&gt;</c> as seeds from a run carry it, or a bare prompt id.</summary>
    [JsonPropertyName("identifier")]
    public JsonElement? Identifier { get; init; }

    [JsonPropertyName("model_id")]
    public string? ModelId { get; init; }

    /// <summary>The reviewed answer's text, as <c>portal pull</c> and the original tool's export carry it.</summary>
    [JsonPropertyName("model_response_text")]
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

[JsonSerializable(typeof(ReviewLine))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class OfflineJsonContext : JsonSerializerContext;
