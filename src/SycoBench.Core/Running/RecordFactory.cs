using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;
using SycoBench.Models;
using SycoBench.Records;

namespace SycoBench.Running;

/// <summary>Builds the run.jsonl record (SPEC §4) of one answer or one failure.</summary>
public static class RecordFactory
{
    public static RunRecord Answer(long runId, DateTimeOffset at, ModelRoute route, GridPrompt prompt, int? sample, ChatResponse response)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(response);
        var properties = response.AdditionalProperties;
        var extra = new Dictionary<string, JsonElement>(StringComparer.Ordinal)
        {
            ["api_provider"] = JsonSerializer.SerializeToElement(route.ProviderName, RecordJsonContext.Default.String),
        };
        // A cache entry written before costs had a source keeps its cost but cannot say where it came from.
        var costSource = Get<string>(properties, ResponseProperties.CostSource)
            ?? (properties?.ContainsKey(ResponseProperties.CostUsd) == true ? "cache" : Costs.CostSource.Unknown);
        extra[RunRecordFields.CostSource] = JsonSerializer.SerializeToElement(costSource, RecordJsonContext.Default.String);
        if (Get<bool>(properties, ResponseProperties.Cached))
            extra[RunRecordFields.Cached] = JsonDocument.Parse("true").RootElement.Clone();
        if (Get<int>(properties, ResponseProperties.Retries) is var retries and > 0)
            extra["retries"] = JsonDocument.Parse(retries.ToString(CultureInfo.InvariantCulture)).RootElement.Clone();

        JsonElement? raw = null;
        if (properties?.TryGetValue(ResponseProperties.RawResponseJson, out var rawValue) == true && rawValue is string rawJson)
        {
            try
            {
                using var document = JsonDocument.Parse(rawJson);
                raw = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                raw = JsonSerializer.SerializeToElement(rawJson, RecordJsonContext.Default.String);
            }
        }

        return new RunRecord
        {
            RunId = runId,
            TimestampIso = Iso(at),
            ModelId = route.Model.Id,
            Provider = properties?.TryGetValue(ResponseProperties.Provider, out var p) == true ? p as string : route.ProviderName,
            PromptId = prompt.PromptId,
            Perspective = prompt.Perspective,
            Factors = prompt.Factors,
            Messages = prompt.Messages,
            ResponseText = response.Text,
            LatencyMs = properties?.TryGetValue(ResponseProperties.LatencyMs, out var l) == true && l is double latency ? latency : null,
            InputTokens = response.Usage?.InputTokenCount,
            OutputTokens = response.Usage?.OutputTokenCount,
            TotalTokens = response.Usage?.TotalTokenCount,
            CostUsd = properties?.TryGetValue(ResponseProperties.CostUsd, out var c) == true && c is double cost ? cost : null,
            RequestId = response.ResponseId,
            FinishReason = response.FinishReason?.Value,
            RawResponse = raw,
            Error = null,
            Sample = sample,
            Extra = extra,
        };
    }

    public static RunRecord Failure(long runId, DateTimeOffset at, ModelRoute route, GridPrompt prompt, int? sample, string error, int retries)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(prompt);
        var extra = new Dictionary<string, JsonElement>(StringComparer.Ordinal)
        {
            ["api_provider"] = JsonSerializer.SerializeToElement(route.ProviderName, RecordJsonContext.Default.String),
        };
        if (retries > 0)
            extra["retries"] = JsonDocument.Parse(retries.ToString(CultureInfo.InvariantCulture)).RootElement.Clone();
        return new RunRecord
        {
            RunId = runId,
            TimestampIso = Iso(at),
            ModelId = route.Model.Id,
            Provider = route.ProviderName,
            PromptId = prompt.PromptId,
            Perspective = prompt.Perspective,
            Factors = prompt.Factors,
            Messages = prompt.Messages,
            ResponseText = "",
            Error = error,
            Sample = sample,
            Extra = extra,
        };
    }

    public static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static T? Get<T>(AdditionalPropertiesDictionary? properties, string key) =>
        properties?.TryGetValue(key, out var value) == true && value is T typed ? typed : default;
}
