using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.AI;
using SycoBench.Models;

namespace SycoBench.Scoring.Offline;

/// <summary>
/// An offline scorer behind the <see cref="IChatClient"/> the scoring engine asks judges through: it reads the answer
/// (the last assistant message of the judge request), predicts its score and replies with the number, so
/// <c>score --scorer offline:model.zip</c> runs through the same engine, records and reports as a model judge, at no
/// cost and with no network.
/// </summary>
public sealed class OfflineScorerChatClient(OfflineScorer scorer, string scorerId) : IChatClient
{
    public const string ProviderName = "offline";

    public string ScorerId { get; } = scorerId;

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        cancellationToken.ThrowIfCancellationRequested();
        var started = Stopwatch.GetTimestamp();
        var answer = messages.LastOrDefault(m => m.Role == ChatRole.Assistant)?.Text
            ?? throw new InvalidOperationException("the request has no assistant message to score");
        var score = scorer.Predict(answer);
        var text = double.IsFinite(score) ? score.ToString("0.####", CultureInfo.InvariantCulture) : "NaN";
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, text))
        {
            ModelId = ScorerId,
            FinishReason = ChatFinishReason.Stop,
            AdditionalProperties = new AdditionalPropertiesDictionary
            {
                [ResponseProperties.CostUsd] = 0.0,
                [ResponseProperties.Provider] = ProviderName,
                [ResponseProperties.LatencyMs] = Stopwatch.GetElapsedTime(started).TotalMilliseconds,
            },
        };
        return Task.FromResult(response);
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("the offline scorer answers whole responses only");

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(OfflineScorer) ? scorer : serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose() => scorer.Dispose();
}
