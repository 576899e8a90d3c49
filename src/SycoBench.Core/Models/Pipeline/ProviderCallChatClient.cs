using System.ClientModel.Primitives;
using System.Text.Json;
using Microsoft.Extensions.AI;
using ChatCompletion = OpenAI.Chat.ChatCompletion;
using ChatCompletionOptions = OpenAI.Chat.ChatCompletionOptions;

namespace SycoBench.Models.Pipeline;

/// <summary>
/// The innermost layer, next to the provider's client: removes SycoBench's private request tags, times the call,
/// and fills the response's <see cref="ResponseProperties"/> — raw JSON body, serving provider (OpenRouter reports
/// its upstream), and cost (reported by the provider, else roster prices × tokens).
/// </summary>
public sealed class ProviderCallChatClient(IChatClient innerClient, ModelRoute route, TimeProvider timeProvider)
    : DelegatingChatClient(innerClient)
{
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var sent = RequestTags.Strip(options);
        if (route.SendsSampleHint)
        {
            sent = sent?.Clone() ?? new ChatOptions();
            var hint = RequestTags.SimulatorHint(options);
            sent.RawRepresentationFactory = _ => new ChatCompletionOptions { EndUserId = hint };
        }

        var started = timeProvider.GetTimestamp();
        var response = await base.GetResponseAsync(messages, sent, cancellationToken).ConfigureAwait(false);
        var elapsed = timeProvider.GetElapsedTime(started);

        string? rawJson = null;
        string? upstream = null;
        double? reportedCost = null;
        if (response.RawRepresentation is ChatCompletion completion)
        {
            rawJson = ModelReaderWriter.Write(completion).ToString();
            (upstream, reportedCost) = ReadProviderFields(rawJson);
        }

        var properties = response.AdditionalProperties ??= [];
        properties[ResponseProperties.LatencyMs] = Math.Round(elapsed.TotalMilliseconds, 1);
        properties[ResponseProperties.Provider] = upstream ?? route.ProviderName;
        if (rawJson is not null)
            properties[ResponseProperties.RawResponseJson] = rawJson;
        if ((reportedCost ?? PricedCost(response.Usage)) is { } cost)
            properties[ResponseProperties.CostUsd] = cost;
        return response;
    }

    private double? PricedCost(UsageDetails? usage)
    {
        var model = route.Model;
        if (usage is null || (model.InputPricePerMillion is null && model.OutputPricePerMillion is null))
            return null;
        return ((usage.InputTokenCount ?? 0) * (model.InputPricePerMillion ?? 0)
                + (usage.OutputTokenCount ?? 0) * (model.OutputPricePerMillion ?? 0)) / 1_000_000d;
    }

    private static (string? Provider, double? Cost) ReadProviderFields(string rawJson)
    {
        try
        {
            using var document = JsonDocument.Parse(rawJson);
            var root = document.RootElement;
            var provider = root.TryGetProperty("provider", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
            double? cost = root.TryGetProperty("usage", out var usage) && usage.ValueKind == JsonValueKind.Object
                && usage.TryGetProperty("cost", out var c) && c.ValueKind == JsonValueKind.Number
                    ? c.GetDouble()
                    : null;
            return (provider, cost);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }
}
