using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.AI;
using SycoBench.Models;
using SycoBench.Models.Batch;
using SycoBench.Models.Pipeline;

namespace SycoBench.Scoring.Batch;

/// <summary>
/// The judge replies of <c>score --batch</c>, gathered before the scoring engine runs: per judge, every call of the
/// answers to judge answered by a batch line (priced at the batch price, carrying its batch id), by a failed line (the
/// call fails with the line's error, so the answer gets a failure record and the next <c>score</c> asks again), or by
/// the response cache. The engine then runs unchanged over <see cref="Admitted"/> with <see cref="Judges"/> as its
/// clients: nothing is sent interactively.
/// </summary>
public sealed class JudgeAnswerBook
{
    private readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, BookAnswer>> _byJudge;
    private readonly Action _markWritten;

    internal JudgeAnswerBook(
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, BookAnswer>> byJudge, IReadOnlySet<AnswerKey> admitted, Action markWritten)
    {
        _byJudge = byJudge;
        Admitted = admitted;
        _markWritten = markWritten;
    }

    /// <summary>The answers whose every judge call is in the book; the others (held back by the cost limit) wait for the next run.</summary>
    public IReadOnlySet<AnswerKey> Admitted { get; }

    /// <summary>Judge calls sent in batches created by this process.</summary>
    public int Sent { get; init; }

    /// <summary>Judge calls answered by batches an earlier process created (re-attached, not sent again).</summary>
    public int Reattached { get; init; }

    /// <summary>Judge calls answered from the response cache (not sent).</summary>
    public int FromCache { get; init; }

    /// <summary>Batch lines that came back without a reply (their answers get failure records).</summary>
    public int FailedLines { get; init; }

    /// <summary>True when the cost limit kept answers out of the batches (worst case at the batch price).</summary>
    public bool StoppedAtCostLimit { get; init; }

    /// <summary>Answers in the batches, and their reserved worst case, when the cost limit stopped adding more.</summary>
    public (int Requests, double ReservedUsd) InFlightAtStop { get; init; }

    /// <summary>Each judge's client for the scoring engine: it answers from this book only.</summary>
    public IReadOnlyList<(string JudgeId, IChatClient Client)> Judges =>
        _byJudge.Select(pair => (pair.Key, (IChatClient)new BookChatClient(pair.Key, pair.Value))).ToArray();

    /// <summary>Marks every batch of the book written in the journal, once the engine wrote a record for each of its answers.</summary>
    public void MarkWritten() => _markWritten();

    /// <summary>
    /// What identifies one judge call in a batch (its <c>custom_id</c>) and in the book: a hash of the conversation, the
    /// repeat index, the temperature and the token limit — the same for the line built before the engine runs and the
    /// call the engine makes.
    /// </summary>
    internal static string Key(IReadOnlyList<ChatMessage> messages, ChatOptions? options)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            ChatMessagesJson.Write(writer, messages);
            writer.WriteString("temperature", options?.Temperature?.ToString("R", CultureInfo.InvariantCulture));
            writer.WriteString("max_tokens", options?.MaxOutputTokens?.ToString(CultureInfo.InvariantCulture));
            writer.WriteNumber("repeat", RequestTags.SampleOf(options));
            writer.WriteEndObject();
        }

        return "judge-" + Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)))[..32];
    }

    private sealed class BookChatClient(string judgeId, IReadOnlyDictionary<string, BookAnswer> answers) : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            var key = Key(messages as IReadOnlyList<ChatMessage> ?? messages.ToArray(), options);
            return answers.TryGetValue(key, out var answer)
                ? Task.FromResult(answer.Take())
                : throw new InvalidOperationException($"judge {judgeId}: call {key} is neither in a batch nor in the cache; nothing is sent outside the batch");
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
            IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("score --batch does not stream");

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}

/// <summary>One judge call's reply in the book: a batch line's answer or failure, or a cache hit.</summary>
internal sealed class BookAnswer
{
    private readonly ChatResponse? _response;
    private readonly string? _error;
    private int _taken;

    private BookAnswer(ChatResponse? response, string? error)
    {
        _response = response;
        _error = error;
    }

    public bool Failed => _error is not null;

    public double? CostUsd => _response?.AdditionalProperties?.TryGetValue(ResponseProperties.CostUsd, out var cost) == true && cost is double d ? d : null;

    public static BookAnswer FromBatch(BatchLineResult? result, string batchId, string whyMissing)
    {
        if (result?.Response is { } response)
        {
            (response.AdditionalProperties ??= [])[ResponseProperties.BatchId] = batchId;
            return new BookAnswer(response, null);
        }

        return new BookAnswer(null, $"batch {batchId}: {result?.Error ?? whyMissing}");
    }

    public static BookAnswer FromCache(ChatResponse hit) => new(hit, null);

    /// <summary>
    /// The reply; a failed line throws its error (the engine records the call as failed). Two answers with the same
    /// conversation share one line: the first is paid, the others read it as a cached reply (as interactive scoring
    /// would answer them from the cache).
    /// </summary>
    public ChatResponse Take()
    {
        if (_error is not null)
            throw new BatchLineFailedException(_error);
        var response = _response!;
        if (Interlocked.Increment(ref _taken) == 1)
            return response;
        var properties = response.AdditionalProperties?.Clone() ?? [];
        properties[ResponseProperties.Cached] = true;
        return new ChatResponse(response.Messages)
        {
            ResponseId = response.ResponseId,
            ModelId = response.ModelId,
            FinishReason = response.FinishReason,
            Usage = response.Usage,
            AdditionalProperties = properties,
        };
    }
}

/// <summary>A batch line that came back without a reply: the judge call's failure.</summary>
internal sealed class BatchLineFailedException(string message) : Exception(message);
