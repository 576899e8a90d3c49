namespace SycoBench.Models;

/// <summary>One model of a roster (SPEC §3), validated.</summary>
public sealed record ModelEntry
{
    /// <summary>LiteLLM-style id: <c>provider/model</c> (<c>groq/llama-3.3-70b-versatile</c>).</summary>
    public required string Id { get; init; }

    public string? Label { get; init; }

    /// <summary>A registered provider name; wins over the id's prefix.</summary>
    public string? Provider { get; init; }

    /// <summary>How many requests may be in flight at once (required, positive).</summary>
    public required int Concurrency { get; init; }

    /// <summary>An OpenAI-compatible server of the user's own (vLLM, llama.cpp, LM Studio); no registered provider needed.</summary>
    public string? BaseUrl { get; init; }

    /// <summary>The variable holding this model's key; for a <see cref="BaseUrl"/> entry, a key is sent only when set.</summary>
    public string? ApiKeyEnv { get; init; }

    /// <summary>The model name sent to the API when it differs from what the id implies.</summary>
    public string? Model { get; init; }

    /// <summary>Requests per minute this model may use (token bucket); null for no limit.</summary>
    public int? Rpm { get; init; }

    /// <summary>Tokens per minute (prompt estimate + max tokens) this model may use; null for no limit.</summary>
    public int? Tpm { get; init; }

    public double? Temperature { get; init; }

    public int? MaxTokens { get; init; }

    /// <summary>Nucleus sampling (OpenAI <c>top_p</c>), sent when set.</summary>
    public double? TopP { get; init; }

    public double? FrequencyPenalty { get; init; }

    public double? PresencePenalty { get; init; }

    /// <summary>The provider's sampling seed, sent when set.</summary>
    public long? Seed { get; init; }

    /// <summary>Stop sequences, sent when set.</summary>
    public IReadOnlyList<string>? Stop { get; init; }

    /// <summary>OpenAI's <c>reasoning_effort</c> (<c>none</c>, <c>low</c>, <c>medium</c>, <c>high</c>), sent when set.</summary>
    public string? ReasoningEffort { get; init; }

    /// <summary>The roster's own price (USD per million tokens); wins over the price table. Null: not given.</summary>
    public Costs.ModelPrice? Prices { get; init; }

    public string DisplayName => string.IsNullOrWhiteSpace(Label) ? Id : Label;
}
