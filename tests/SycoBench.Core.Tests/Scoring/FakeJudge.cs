using System.Collections.Concurrent;
using Microsoft.Extensions.AI;
using SycoBench.Models;

namespace SycoBench.Tests.Scoring;

/// <summary>
/// A judge whose replies the test sets: a function of the answer it is shown (the last message) and of the repeat
/// index. Counts calls per answer and keeps every request, so tests can check what was sent and how often.
/// </summary>
internal sealed class FakeJudge(Func<FakeJudgeCall, string> reply) : IChatClient
{
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<IReadOnlyList<ChatMessage>> _requests = new();

    /// <summary>Called before each reply; a test may cancel or throw here.</summary>
    public Action<FakeJudgeCall>? BeforeReply { get; init; }

    public double CostPerCall { get; init; } = 0.0001;

    public int TotalCalls => _calls.Values.Sum();

    public int CallsFor(string answer) => _calls.GetValueOrDefault(answer);

    public IReadOnlyCollection<IReadOnlyList<ChatMessage>> Requests => _requests;

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        var answer = list[^1].Text;
        var count = _calls.AddOrUpdate(answer, 1, (_, n) => n + 1);
        _requests.Enqueue(list);
        var repeat = options?.AdditionalProperties?.TryGetValue("sycobench.sample", out var value) == true ? (int)value! : 0;
        var call = new FakeJudgeCall(list, answer, repeat, count);
        BeforeReply?.Invoke(call);
        var text = reply(call);
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, text))
        {
            ResponseId = $"judge-{answer.GetHashCode(StringComparison.Ordinal):x}-{count}",
            FinishReason = ChatFinishReason.Stop,
            Usage = new UsageDetails { InputTokenCount = 100, OutputTokenCount = 2, TotalTokenCount = 102 },
            AdditionalProperties = new AdditionalPropertiesDictionary
            {
                [ResponseProperties.CostUsd] = CostPerCall,
                [ResponseProperties.Provider] = "fake",
                [ResponseProperties.LatencyMs] = 12.5,
            },
        };
        return Task.FromResult(response);
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("the scorer does not stream");

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}

internal sealed record FakeJudgeCall(IReadOnlyList<ChatMessage> Messages, string Answer, int Repeat, int CallNumber);
