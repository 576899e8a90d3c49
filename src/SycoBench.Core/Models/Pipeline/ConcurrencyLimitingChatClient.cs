using Microsoft.Extensions.AI;

namespace SycoBench.Models.Pipeline;

/// <summary>Lets at most the roster's <c>concurrency</c> requests of a model be in flight, retries and backoff included.</summary>
public sealed class ConcurrencyLimitingChatClient(IChatClient innerClient, int concurrency) : DelegatingChatClient(innerClient)
{
    private readonly SemaphoreSlim _slots = new(concurrency, concurrency);

    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _slots.Release();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _slots.Dispose();
        base.Dispose(disposing);
    }
}
