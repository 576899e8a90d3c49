using System.ClientModel.Primitives;
using System.Text.Json;
using Microsoft.Extensions.AI;
using ChatCompletion = OpenAI.Chat.ChatCompletion;
using ChatCompletionOptions = OpenAI.Chat.ChatCompletionOptions;

namespace SycoBench.Models.Pipeline;

/// <summary>
/// The innermost layer, next to the provider's client: removes SycoBench's private request tags, times the call,
/// and fills the response's <see cref="ResponseProperties"/> — raw JSON body, serving provider (OpenRouter reports
/// its upstream), and cost with its source (reported by the provider, else tokens × the roster's or the price table's price).
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
        var (cost, source) = CostOf(route, response.Usage, reportedCost, batch: false);
        if (cost is { } known)
            properties[ResponseProperties.CostUsd] = known;
        properties[ResponseProperties.CostSource] = source;
        return response;
    }

    /// <summary>
    /// The provider's reported cost when it gives one; else tokens × the route's price (the batch price for batch
    /// answers); else unknown. A response without token counts cannot be priced: unknown, never 0.
    /// </summary>
    public static (double? Cost, string Source) CostOf(ModelRoute route, UsageDetails? usage, double? reportedCost, bool batch)
    {
        ArgumentNullException.ThrowIfNull(route);
        if (reportedCost is { } reported)
            return (reported, Costs.CostSource.Provider);
        if (route.Price is not { } quote)
            return (null, Costs.CostSource.Unknown);
        if (quote.Price.Cost(1, 1, batch) == 0)
            return (0, quote.Source);
        if (usage?.InputTokenCount is not { } input || usage.OutputTokenCount is not { } output)
            return (null, Costs.CostSource.Unknown);
        // A price without a batch price is charged at the interactive price (an upper bound), and says so by its source.
        return (quote.Price.Cost(input, output, batch), batch && quote.Price.HasBatchPrice ? Costs.CostSource.BatchPrice : quote.Source);
    }

    internal static (string? Provider, double? Cost) ReadProviderFields(string rawJson)
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
