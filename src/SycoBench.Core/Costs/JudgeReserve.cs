using Microsoft.Extensions.AI;
using SycoBench.Models;

namespace SycoBench.Costs;

/// <summary>
/// The worst-case cost of one judge call, for <c>score --max-cost</c>: the conversation's tokens plus the judge's
/// token limit (without one, <see cref="DefaultReplyTokens"/>: a judge replies with one number), at its price.
/// </summary>
public static class JudgeReserve
{
    /// <summary>Reply tokens reserved for a judge without a token limit (a number, sometimes a sentence around it).</summary>
    public const int DefaultReplyTokens = 64;

    /// <param name="batch">At the batch price (<c>score --batch</c>; the interactive price where the model has none).</param>
    public static Func<string, IReadOnlyList<ChatMessage>, double> For(IEnumerable<ModelRoute> routes, int? maxTokens, PromptTokenCounter counter, bool batch = false)
    {
        ArgumentNullException.ThrowIfNull(counter);
        var byId = routes.ToDictionary(r => r.Model.Id, StringComparer.Ordinal);
        return (judgeId, messages) =>
            byId.TryGetValue(judgeId, out var route) && route.Price is { } quote
                ? quote.Price.Cost(counter.Count(route.ModelName, messages.Select(m => (m.Role.Value, m.Text))),
                    maxTokens ?? route.Model.MaxTokens ?? DefaultReplyTokens, batch)
                : 0;
    }
}
