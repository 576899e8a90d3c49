using SycoBench.Models;
using SycoBench.Records;
using SycoBench.Running;

namespace SycoBench.Costs;

/// <summary>
/// The worst-case cost of one request, reserved by a <see cref="Budget"/> before it is sent: the prompt's tokens
/// plus the answer bound (max tokens; without one, the longest answer already received, else
/// <see cref="CostEstimate.TypicalAnswerTokens"/>), at the model's price. A model whose price is unknown reserves
/// nothing — a limit refuses such a model unless its provider reports each call's cost.
/// </summary>
public static class RequestReserve
{
    public static Func<GridPrompt, double> For(
        ModelRoute route, int? maxTokens, IReadOnlyCollection<RunRecord> received, PromptTokenCounter counter, bool batch = false)
    {
        ArgumentNullException.ThrowIfNull(route);
        if (route.Price is not { } quote)
            return _ => 0;
        var answered = ReceivedAnswers.Of(route, received);
        var answerTokens = maxTokens ?? route.Model.MaxTokens ?? (answered.Count > 0 ? answered.MaxTokens : CostEstimate.TypicalAnswerTokens);
        var perPrompt = new System.Collections.Concurrent.ConcurrentDictionary<string, double>(StringComparer.Ordinal);
        return prompt => perPrompt.GetOrAdd(prompt.PromptId,
            _ => quote.Price.Cost(counter.Count(route.ModelName, prompt.Messages), answerTokens, batch));
    }
}
