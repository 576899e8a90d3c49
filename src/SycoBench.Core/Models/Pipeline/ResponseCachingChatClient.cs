using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace SycoBench.Models.Pipeline;

/// <summary>
/// Microsoft.Extensions.AI's <see cref="CachingChatClient"/> over the SQLite <see cref="ResponseCache"/>: answers
/// from the cache when the same model was asked the same prompt (id and messages) with the same parameters and sample
/// index before; otherwise asks and stores the answer. Cached answers carry <see cref="ResponseProperties.Cached"/> =
/// true. The prompt id is part of the key because a grid may hold the same wording under several ids (rent-v1's
/// neutral prompts repeat across justification categories): each id is its own draw, and serving one id's answer for
/// another would silently shrink the sample.
/// </summary>
/// <remarks>
/// Failures are never cached: a call that throws stores nothing (as in <see cref="CachingChatClient"/>), and a reply
/// the caller cannot use (see <see cref="RequestTags.Accepting"/>, e.g. a judge reply without a number) is neither
/// stored nor served from an older cache, so asking again really asks again.
/// </remarks>
public sealed class ResponseCachingChatClient(IChatClient innerClient, ModelRoute route, ResponseCache cache) : CachingChatClient(innerClient)
{
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var messageList = messages as IReadOnlyList<ChatMessage> ?? messages.ToArray();
        if (!EnableCaching(messageList, options))
            return await InnerClient.GetResponseAsync(messageList, options, cancellationToken).ConfigureAwait(false);

        var key = GetCacheKey(messageList, options);
        if (await ReadCacheAsync(key, cancellationToken).ConfigureAwait(false) is { } hit && RequestTags.Accepts(options, hit))
        {
            await cache.CountHitAsync(key, cancellationToken).ConfigureAwait(false);
            return hit;
        }

        var response = await InnerClient.GetResponseAsync(messageList, options, cancellationToken).ConfigureAwait(false);
        if (RequestTags.Accepts(options, response))
            await WriteCacheAsync(key, response, cancellationToken).ConfigureAwait(false);
        return response;
    }

    /// <summary>SHA-256 over the model, endpoint, model name, prompt id, messages, parameters and sample index.</summary>
    /// <remarks>The same bytes as every earlier version, so an existing cache keeps answering.</remarks>
    protected override string GetCacheKey(IEnumerable<ChatMessage> messages, ChatOptions? options, params ReadOnlySpan<object?> additionalValues)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("model", route.Model.Id);
            writer.WriteString("endpoint", route.BaseUrl.ToString());
            writer.WriteString("name", route.ModelName);
            writer.WriteString("prompt", RequestTags.PromptIdOf(options));
            ChatMessagesJson.Write(writer, messages);
            writer.WriteString("temperature", options?.Temperature?.ToString("R", CultureInfo.InvariantCulture));
            writer.WriteString("max_tokens", options?.MaxOutputTokens?.ToString(CultureInfo.InvariantCulture));
            writer.WriteString("top_p", options?.TopP?.ToString("R", CultureInfo.InvariantCulture));
            WriteRosterSettings(writer, options);
            writer.WriteNumber("sample", RequestTags.SampleOf(options));
            writer.WriteEndObject();
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
    }

    /// <summary>The roster's other request settings, written only when set so earlier keys stay the same.</summary>
    private static void WriteRosterSettings(Utf8JsonWriter writer, ChatOptions? options)
    {
        if (options?.FrequencyPenalty is { } frequency)
            writer.WriteString("frequency_penalty", frequency.ToString("R", CultureInfo.InvariantCulture));
        if (options?.PresencePenalty is { } presence)
            writer.WriteString("presence_penalty", presence.ToString("R", CultureInfo.InvariantCulture));
        if (options?.Seed is { } seed)
            writer.WriteNumber("seed", seed);
        if (options?.StopSequences is { Count: > 0 } stop)
        {
            writer.WriteStartArray("stop");
            foreach (var sequence in stop)
                writer.WriteStringValue(sequence);
            writer.WriteEndArray();
        }

        if (options?.Reasoning?.Effort is { } effort)
            writer.WriteString("reasoning_effort", effort.ToString());
    }

    internal string Key(IReadOnlyList<ChatMessage> messages, ChatOptions? options) => GetCacheKey(messages, options);

    /// <summary>
    /// The cache alone, for requests sent through a Batch API rather than this pipeline: <see cref="LookupAsync"/>
    /// before a request goes into a batch (a hit is not sent), <see cref="StoreAsync"/> once its answer is back —
    /// the same keys and entries as interactive calls, so either path answers the other.
    /// </summary>
    public static ResponseCachingChatClient ForBatch(ModelRoute route, ResponseCache cache) => new(new NotSentChatClient(), route, cache);

    /// <summary>The cached answer the caller can use (counted as a hit), or null.</summary>
    public async Task<ChatResponse?> LookupAsync(IReadOnlyList<ChatMessage> messages, ChatOptions? options, CancellationToken cancellationToken = default)
    {
        if (!EnableCaching(messages, options))
            return null;
        var key = GetCacheKey(messages, options);
        if (await ReadCacheAsync(key, cancellationToken).ConfigureAwait(false) is not { } hit || !RequestTags.Accepts(options, hit))
            return null;
        await cache.CountHitAsync(key, cancellationToken).ConfigureAwait(false);
        return hit;
    }

    /// <summary>Stores an answer received outside the pipeline (when the caller can use it).</summary>
    public async Task StoreAsync(IReadOnlyList<ChatMessage> messages, ChatOptions? options, ChatResponse response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (EnableCaching(messages, options) && RequestTags.Accepts(options, response))
            await WriteCacheAsync(GetCacheKey(messages, options), response, cancellationToken).ConfigureAwait(false);
    }

    private sealed class NotSentChatClient : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("a batch request is sent through the Batch API, not through the cache's client");

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
            IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("a batch request is sent through the Batch API, not through the cache's client");

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }

    protected override async Task<ChatResponse?> ReadCacheAsync(string key, CancellationToken cancellationToken) =>
        await cache.GetAsync(key, cancellationToken).ConfigureAwait(false) is { } hit ? ToResponse(hit) : null;

    protected override Task WriteCacheAsync(string key, ChatResponse value, CancellationToken cancellationToken) =>
        cache.PutAsync(key, route.Model.Id, FromResponse(value), cancellationToken);

    // SycoBench never streams; a streamed call passes through uncached.
    protected override Task<IReadOnlyList<ChatResponseUpdate>?> ReadCacheStreamingAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ChatResponseUpdate>?>(null);

    protected override Task WriteCacheStreamingAsync(string key, IReadOnlyList<ChatResponseUpdate> value, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    private static CachedAnswer FromResponse(ChatResponse response)
    {
        var properties = response.AdditionalProperties;
        return new CachedAnswer
        {
            Text = response.Text,
            ResponseId = response.ResponseId,
            ModelId = response.ModelId,
            FinishReason = response.FinishReason?.Value,
            InputTokens = response.Usage?.InputTokenCount,
            OutputTokens = response.Usage?.OutputTokenCount,
            TotalTokens = response.Usage?.TotalTokenCount,
            Provider = properties?.TryGetValue(ResponseProperties.Provider, out var p) == true ? p as string : null,
            CostUsd = properties?.TryGetValue(ResponseProperties.CostUsd, out var c) == true && c is double cost ? cost : null,
            CostSource = properties?.TryGetValue(ResponseProperties.CostSource, out var s) == true ? s as string : null,
            LatencyMs = properties?.TryGetValue(ResponseProperties.LatencyMs, out var l) == true && l is double latency ? latency : null,
            RawResponseJson = properties?.TryGetValue(ResponseProperties.RawResponseJson, out var r) == true ? r as string : null,
        };
    }

    private static ChatResponse ToResponse(CachedAnswer hit)
    {
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, hit.Text))
        {
            ResponseId = hit.ResponseId,
            ModelId = hit.ModelId,
            FinishReason = hit.FinishReason is null ? null : new ChatFinishReason(hit.FinishReason),
            Usage = new UsageDetails
            {
                InputTokenCount = hit.InputTokens,
                OutputTokenCount = hit.OutputTokens,
                TotalTokenCount = hit.TotalTokens,
            },
            AdditionalProperties = new AdditionalPropertiesDictionary { [ResponseProperties.Cached] = true, [ResponseProperties.Retries] = 0 },
        };
        if (hit.Provider is not null)
            response.AdditionalProperties[ResponseProperties.Provider] = hit.Provider;
        if (hit.CostUsd is { } cost)
            response.AdditionalProperties[ResponseProperties.CostUsd] = cost;
        if (hit.CostSource is not null)
            response.AdditionalProperties[ResponseProperties.CostSource] = hit.CostSource;
        if (hit.LatencyMs is { } latency)
            response.AdditionalProperties[ResponseProperties.LatencyMs] = latency;
        if (hit.RawResponseJson is not null)
            response.AdditionalProperties[ResponseProperties.RawResponseJson] = hit.RawResponseJson;
        return response;
    }
}
