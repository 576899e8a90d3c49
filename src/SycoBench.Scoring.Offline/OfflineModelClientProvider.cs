using System.Collections.Concurrent;
using Microsoft.Extensions.AI;
using SycoBench.Models;

namespace SycoBench.Scoring.Offline;

/// <summary>
/// Resolves judge ids of the form <c>offline:PATH</c> (a model zip written by <c>scorer train</c>, relative to the
/// working directory) to an <see cref="OfflineScorerChatClient"/>, and every other id through the inner provider.
/// With no inner provider only offline ids resolve: no network can be used.
/// </summary>
public sealed class OfflineModelClientProvider(IModelClientProvider? inner, string workingDirectory) : IModelClientProvider, IDisposable
{
    public const string Prefix = "offline:";

    private readonly ConcurrentDictionary<string, Lazy<OfflineScorerChatClient>> _clients = new(StringComparer.Ordinal);

    public static bool IsOffline(string modelId) => modelId?.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) == true;

    public IChatClient GetClient(string modelId)
    {
        ArgumentNullException.ThrowIfNull(modelId);
        if (!IsOffline(modelId))
            return inner?.GetClient(modelId) ?? throw new InputException($"{modelId}: only offline scorers (offline:PATH) are available here");

        var path = modelId[Prefix.Length..];
        if (string.IsNullOrWhiteSpace(path))
            throw new InputException($"{modelId}: name the model file, e.g. offline:outputs/scorer/model.zip");
        var full = Path.GetFullPath(path, workingDirectory);
        return _clients.GetOrAdd(full, p => new Lazy<OfflineScorerChatClient>(() => new OfflineScorerChatClient(OfflineScorer.Load(p), modelId))).Value;
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values.Where(c => c.IsValueCreated))
            client.Value.Dispose();
    }
}
