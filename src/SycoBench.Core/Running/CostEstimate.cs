using System.Globalization;
using SycoBench.Costs;
using SycoBench.Models;
using SycoBench.Records;

namespace SycoBench.Running;

/// <summary>
/// What a run will ask and roughly cost, printed before anything is sent: prompt tokens counted with a real
/// tokenizer (<see cref="PromptTokenCounter"/>), answers at the mean length of the answers already received (on
/// resume), else at the max-tokens budget, else at <see cref="TypicalAnswerTokens"/>; priced with the model's price
/// (the batch price for a batch run). Null cost: the price is unknown.
/// </summary>
public sealed record CostEstimate(
    string ModelId, int Requests, long InputTokens, long OutputTokens, double? CostUsd, string TokenCounting, string AnswerBasis)
{
    /// <summary>A typical length of an answer to a rent prompt, used when no max tokens is set.</summary>
    public const int TypicalAnswerTokens = 600;

    public static CostEstimate For(
        ModelRoute route,
        IEnumerable<GridPrompt> prompts,
        int? maxTokens,
        IReadOnlyCollection<RunRecord> received,
        PromptTokenCounter counter,
        bool batch = false)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(prompts);
        ArgumentNullException.ThrowIfNull(received);
        ArgumentNullException.ThrowIfNull(counter);
        var perPrompt = new Dictionary<string, long>(StringComparer.Ordinal);
        var requests = 0;
        long input = 0;
        foreach (var prompt in prompts)
        {
            requests++;
            if (!perPrompt.TryGetValue(prompt.PromptId, out var tokens))
                perPrompt[prompt.PromptId] = tokens = counter.Count(route.ModelName, prompt.Messages);
            input += tokens;
        }

        var (answerTokens, basis) = AnswerLength(route, maxTokens, received);
        var output = (long)Math.Round(answerTokens * requests);
        return new CostEstimate(route.Model.Id, requests, input, output, route.Price?.Price.Cost(input, output, batch),
            PromptTokenCounter.Describe(route.ModelName), basis);
    }

    private static (double Tokens, string Basis) AnswerLength(ModelRoute route, int? maxTokens, IReadOnlyCollection<RunRecord> received)
    {
        var answered = ReceivedAnswers.Of(route, received);
        if (answered.Count > 0)
        {
            return (answered.MeanTokens,
                string.Create(CultureInfo.InvariantCulture, $"answers at {answered.MeanTokens:0} tokens, the mean of the {answered.Count} received"));
        }

        if ((maxTokens ?? route.Model.MaxTokens) is { } limit)
            return (limit, string.Create(CultureInfo.InvariantCulture, $"answers at the max-tokens limit of {limit}"));
        return (TypicalAnswerTokens, string.Create(CultureInfo.InvariantCulture, $"answers at {TypicalAnswerTokens} tokens (typical; set --max-tokens for a bound)"));
    }
}
