using Microsoft.Extensions.AI;

namespace SycoBench.Models;

/// <summary>
/// Hands out the one chat pipeline of each model (concurrency and rate limits, retries, timeout, cache, cost),
/// built once per model and shared by every caller — the runner for answers, the scorer for judge calls.
/// </summary>
public interface IModelClientProvider
{
    /// <summary>The pipeline of <paramref name="modelId"/>; throws <see cref="InputException"/> for an unknown model.</summary>
    IChatClient GetClient(string modelId);
}
