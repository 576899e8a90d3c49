using Microsoft.Extensions.AI;

namespace SycoBench.Models.Pipeline;

/// <summary>
/// Per-request values the caller hands down the pipeline in <c>ChatOptions.AdditionalProperties</c>: the sample
/// index (part of the cache key, and a hint for the simulated provider) and a label for log lines. They are removed
/// before the request leaves the process.
/// </summary>
public static class RequestTags
{
    public const string Sample = "sycobench.sample";
    public const string Label = "sycobench.label";
    public const string PromptId = "sycobench.prompt_id";
    public const string Acceptance = "sycobench.accepts";

    public static ChatOptions With(ChatOptions? options, string promptId, int sample, string label)
    {
        var copy = options?.Clone() ?? new ChatOptions();
        copy.AdditionalProperties = copy.AdditionalProperties?.Clone() ?? [];
        copy.AdditionalProperties[Sample] = sample;
        copy.AdditionalProperties[Label] = label;
        copy.AdditionalProperties[PromptId] = promptId;
        return copy;
    }

    /// <summary>
    /// A copy of <paramref name="options"/> telling the pipeline which replies the caller can use: any other reply is
    /// a failure for the caller (e.g. a judge reply without a number), so the response cache neither stores it nor
    /// answers with it.
    /// </summary>
    public static ChatOptions Accepting(ChatOptions? options, Func<ChatResponse, bool> accepts)
    {
        var copy = options?.Clone() ?? new ChatOptions();
        copy.AdditionalProperties = copy.AdditionalProperties?.Clone() ?? [];
        copy.AdditionalProperties[Acceptance] = accepts;
        return copy;
    }

    /// <summary>Whether the caller can use <paramref name="response"/> (every reply, unless it said otherwise).</summary>
    public static bool Accepts(ChatOptions? options, ChatResponse response) =>
        options?.AdditionalProperties?.TryGetValue(Acceptance, out var value) != true || value is not Func<ChatResponse, bool> accepts || accepts(response);

    public static string? PromptIdOf(ChatOptions? options) =>
        options?.AdditionalProperties?.TryGetValue(PromptId, out var value) == true ? value as string : null;

    /// <summary>
    /// The <c>user</c> field sent to the simulated provider: <c>sycobench;prompt=ID;sample=N</c>, so a simulated model
    /// can answer deterministically per prompt and sample, and replay can find the recorded answer of a prompt.
    /// </summary>
    public static string SimulatorHint(ChatOptions? options) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"sycobench;prompt={PromptIdOf(options) ?? ""};sample={SampleOf(options)}");

    public static int SampleOf(ChatOptions? options) =>
        options?.AdditionalProperties?.TryGetValue(Sample, out var value) == true && value is int sample ? sample : 0;

    public static string LabelOf(ChatOptions? options) =>
        options?.AdditionalProperties?.TryGetValue(Label, out var value) == true && value is string label ? label : "";

    /// <summary>A copy of <paramref name="options"/> without SycoBench's private keys, safe to send to a provider.</summary>
    public static ChatOptions? Strip(ChatOptions? options)
    {
        if (options?.AdditionalProperties is not { } properties || !properties.Keys.Any(IsPrivate))
            return options;
        var copy = options.Clone();
        var kept = new AdditionalPropertiesDictionary();
        foreach (var (key, value) in properties)
        {
            if (!IsPrivate(key))
                kept[key] = value;
        }

        copy.AdditionalProperties = kept.Count == 0 ? null : kept;
        return copy;
    }

    private static bool IsPrivate(string key) => key.StartsWith("sycobench.", StringComparison.Ordinal);
}
