using Microsoft.Extensions.AI;
using SycoBench.Models;
using SycoBench.Models.Pipeline;

namespace SycoBench.Running;

/// <summary>
/// The models of <c>run --dry-run</c>, as the original tool made them: every request is answered at once, without
/// any network, key or cache, with <c>[dry-run] &lt;model&gt; response to prompt &lt;id&gt;</c> from provider
/// <c>dry-run</c>, so the whole pipeline (run folder, scoring, report) can be tried with no key.
/// </summary>
public sealed class DryRunClients : IModelClientProvider
{
    /// <summary>The provider recorded on every dry-run answer and the mode recorded in run_grid.json.</summary>
    public const string Provider = "dry-run";

    private readonly HashSet<string> _models;

    public DryRunClients(IEnumerable<string> modelIds) => _models = new HashSet<string>(modelIds, StringComparer.Ordinal);

    public static string AnswerText(string modelId, string promptId) => $"[dry-run] {modelId} response to prompt {promptId}";

    public IChatClient GetClient(string modelId) =>
        _models.Contains(modelId) ? new Client(modelId) : throw new InputException($"model '{modelId}' is not part of this dry run");

    private sealed class Client(string modelId) : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var promptId = options?.AdditionalProperties?.TryGetValue(RequestTags.PromptId, out var id) == true ? id as string : null;
            var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, AnswerText(modelId, promptId ?? "?")))
            {
                FinishReason = ChatFinishReason.Stop,
                ModelId = modelId,
                AdditionalProperties = new AdditionalPropertiesDictionary
                {
                    [ResponseProperties.Provider] = Provider,
                    [ResponseProperties.LatencyMs] = 0.0,
                    [ResponseProperties.CostUsd] = 0.0,
                    // Nothing was sent, so nothing was paid: the (dry-run) provider's own figure, 0.
                    [ResponseProperties.CostSource] = Costs.CostSource.Provider,
                },
            };
            return Task.FromResult(response);
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("dry-run answers are not streamed");

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
