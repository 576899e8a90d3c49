using Microsoft.Extensions.AI;

namespace SycoBench.Models.Pipeline;

/// <summary>
/// The request settings a roster entry carries beyond temperature and max tokens — <c>top_p</c>, the penalties,
/// <c>seed</c>, <c>stop</c>, <c>reasoning_effort</c> — filled into every request of that model where the caller left
/// them unset. Applied outside the response cache, so the cache key sees them.
/// </summary>
public static class RosterRequestSettings
{
    public static void Apply(ModelEntry model, ChatOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        options.TopP ??= (float?)model.TopP;
        options.FrequencyPenalty ??= (float?)model.FrequencyPenalty;
        options.PresencePenalty ??= (float?)model.PresencePenalty;
        options.Seed ??= model.Seed;
        if (model.Stop is { Count: > 0 } stop)
            options.StopSequences ??= [.. stop];
        if (model.ReasoningEffort is { } effort)
            options.Reasoning ??= new ReasoningOptions { Effort = Effort(effort) };
    }

    /// <summary>Whether the model has any setting <see cref="Apply"/> would fill in.</summary>
    public static bool HasAny(ModelEntry model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.TopP is not null || model.FrequencyPenalty is not null || model.PresencePenalty is not null
            || model.Seed is not null || model.Stop is { Count: > 0 } || model.ReasoningEffort is not null;
    }

    private static ReasoningEffort Effort(string value) => value switch
    {
        "none" => ReasoningEffort.None,
        "low" => ReasoningEffort.Low,
        "medium" => ReasoningEffort.Medium,
        "high" => ReasoningEffort.High,
        _ => throw new InputException($"reasoning_effort '{value}' is not one of none, low, medium, high"),
    };
}
