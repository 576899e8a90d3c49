using SycoBench.Models;

namespace SycoBench.Running;

/// <summary>
/// What a run will ask and roughly cost, printed before anything is sent: prompt tokens estimated at four characters
/// each, answers at the max-tokens budget or <see cref="TypicalAnswerTokens"/>, priced with the roster's prices.
/// </summary>
public sealed record CostEstimate(string ModelId, int Requests, long InputTokens, long OutputTokens, double? CostUsd)
{
    /// <summary>A typical length of an answer to a rent prompt, used when no max tokens is set.</summary>
    public const int TypicalAnswerTokens = 600;

    public static CostEstimate For(ModelEntry model, IReadOnlyList<Records.GridPrompt> prompts, int requests, int? maxTokens)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(prompts);
        var averageInput = prompts.Count == 0 ? 0 : prompts.Average(p => p.Messages.Sum(m => m.Content.Length) / 4.0 + 4 * p.Messages.Count);
        var input = (long)Math.Round(averageInput * requests);
        var output = (long)(maxTokens ?? model.MaxTokens ?? TypicalAnswerTokens) * requests;
        double? cost = model.InputPricePerMillion is null && model.OutputPricePerMillion is null
            ? null
            : (input * (model.InputPricePerMillion ?? 0) + output * (model.OutputPricePerMillion ?? 0)) / 1_000_000d;
        return new CostEstimate(model.Id, requests, input, output, cost);
    }
}
