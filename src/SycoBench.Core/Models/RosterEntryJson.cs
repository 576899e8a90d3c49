using System.Globalization;
using System.Text.Json.Serialization;
namespace SycoBench.Models;

/// <summary>
/// One roster entry as written in the file (SPEC §3), read by <see cref="DataFileJsonContext"/>; <see cref="Validate"/>
/// checks what the JSON types cannot and makes the <see cref="ModelEntry"/>. The original tool's per-model settings
/// are accepted where the OpenAI-compatible API knows them (<c>top_p</c>, <c>stop</c>, <c>seed</c>, <c>api_base</c> …);
/// LiteLLM's other completion parameters are refused by name (<see cref="Refused"/>).
/// </summary>
public sealed record RosterEntryJson
{
    public required string Id { get; init; }

    public string? Label { get; init; }

    public string? Provider { get; init; }

    /// <summary>Required, but checked in <see cref="Validate"/> so the message can say what it means.</summary>
    public int? Concurrency { get; init; }

    public string? BaseUrl { get; init; }

    /// <summary>LiteLLM's name for <see cref="BaseUrl"/>, as the original tool's rosters wrote it.</summary>
    public string? ApiBase { get; init; }

    public string? ApiKeyEnv { get; init; }

    public string? Model { get; init; }

    public int? Rpm { get; init; }

    public int? Tpm { get; init; }

    public double? Temperature { get; init; }

    public double? TopP { get; init; }

    public int? MaxTokens { get; init; }

    public double? FrequencyPenalty { get; init; }

    public double? PresencePenalty { get; init; }

    public long? Seed { get; init; }

    [JsonConverter(typeof(StringOrListConverter))]
    public IReadOnlyList<string>? Stop { get; init; }

    public string? ReasoningEffort { get; init; }

    /// <summary>The entry's own price; the same object as a row of data/prices.json.</summary>
    public Costs.ModelPrice? Prices { get; init; }

    /// <summary>Free text for the people who keep the roster; not used.</summary>
    public string? Notes { get; init; }

    /// <summary>
    /// LiteLLM completion parameters the original tool passed through that SycoBench does not send, and why: each is
    /// refused by name rather than dropped, so no setting the user believes in silently stops applying.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Refused = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["api_key"] = "keys never go in a roster: name the variable that holds it with api_key_env",
        ["api_version"] = "Azure OpenAI deployments are not supported; give the endpoint as base_url",
        ["custom_llm_provider"] = "name the provider with provider",
        ["timeout"] = "the time per attempt is BENCH_TIMEOUT_S",
        ["request_timeout"] = "the time per attempt is BENCH_TIMEOUT_S",
        ["num_retries"] = "retries are BENCH_MAX_RETRIES",
        ["max_retries"] = "retries are BENCH_MAX_RETRIES",
        ["stream"] = "answers are never streamed",
        ["n"] = "each request asks for one answer; ask for more with run --samples",
        ["metadata"] = "LiteLLM metadata is not sent to providers",
        ["drop_params"] = "SycoBench never drops a setting: unsupported ones are refused",
        ["mock_response"] = "use run --dry-run or the simulated provider (sim/…)",
        ["fallbacks"] = "a model is never silently replaced by another",
        ["tools"] = "judged answers are plain text",
        ["tool_choice"] = "judged answers are plain text",
        ["functions"] = "judged answers are plain text",
        ["function_call"] = "judged answers are plain text",
        ["response_format"] = "answers are free text",
        ["logprobs"] = "log probabilities are not recorded",
        ["top_logprobs"] = "log probabilities are not recorded",
        ["logit_bias"] = "not supported by every OpenAI-compatible provider",
        ["user"] = "the request's user field is reserved",
        ["extra_headers"] = "custom headers are not sent",
        ["headers"] = "custom headers are not sent",
        ["extra_body"] = "provider-specific request fields are not sent",
        ["input_cost_per_token"] = "give prices as prices.input_per_million",
        ["output_cost_per_token"] = "give prices as prices.output_per_million",
        ["max_completion_tokens"] = "write max_tokens",
        ["top_k"] = "not part of the OpenAI-compatible API",
    };

    private static readonly string[] Efforts = ["none", "low", "medium", "high"];

    /// <summary>The meaning checks; <paramref name="field"/> is this entry's JSON path (<c>[3]</c>).</summary>
    public ModelEntry Validate(string file, string field)
    {
        var id = Id.Trim();
        if (id.Length == 0)
            throw new DataFileException(file, DataFileException.Member(field, "id"), "must not be empty");
        var model = $" (model '{id}')";
        DataFileException Problem(string member, string problem) => new(file, DataFileException.Member(field, member), problem + model);

        if (Concurrency is not { } concurrency)
            throw Problem("concurrency", "is missing: a positive integer, how many requests may run at once");
        if (concurrency <= 0)
            throw Problem("concurrency", $"must be a positive integer, not {concurrency}");
        if (BaseUrl is not null && ApiBase is not null)
            throw Problem("api_base", "names the same endpoint as base_url: give one of them");
        if (Rpm is <= 0)
            throw Problem("rpm", $"must be a positive integer, not {Rpm}");
        if (Tpm is <= 0)
            throw Problem("tpm", $"must be a positive integer, not {Tpm}");
        if (MaxTokens is <= 0)
            throw Problem("max_tokens", $"must be a positive integer, not {MaxTokens}");
        CheckRange(Temperature, "temperature", 0, 2);
        CheckRange(TopP, "top_p", 0, 1);
        CheckRange(FrequencyPenalty, "frequency_penalty", -2, 2);
        CheckRange(PresencePenalty, "presence_penalty", -2, 2);
        if (Stop is { } stop && (stop.Count == 0 || stop.Any(string.IsNullOrEmpty)))
            throw Problem("stop", "must be a non-empty string or a list of non-empty strings");
        if (ReasoningEffort is { } effort && !Efforts.Contains(effort, StringComparer.Ordinal))
            throw Problem("reasoning_effort", $"must be one of {string.Join(", ", Efforts)}, not '{effort}'");
        if (Prices?.Problem() is var (priceMember, priceProblem))
            throw new DataFileException(file, DataFileException.Member(DataFileException.Member(field, "prices"), priceMember), priceProblem + model);

        return new ModelEntry
        {
            Id = id,
            Label = Text(Label, "label"),
            Provider = Text(Provider, "provider"),
            Concurrency = concurrency,
            BaseUrl = Text(BaseUrl, "base_url") ?? Text(ApiBase, "api_base"),
            ApiKeyEnv = Text(ApiKeyEnv, "api_key_env"),
            Model = Text(Model, "model"),
            Rpm = Rpm,
            Tpm = Tpm,
            Temperature = Temperature,
            MaxTokens = MaxTokens,
            TopP = TopP,
            FrequencyPenalty = FrequencyPenalty,
            PresencePenalty = PresencePenalty,
            Seed = Seed,
            Stop = Stop,
            ReasoningEffort = ReasoningEffort,
            Prices = Prices,
        };

        void CheckRange(double? value, string name, double min, double max)
        {
            if (value is { } v && !(v >= min && v <= max))
                throw Problem(name, $"must be between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}, not {v.ToString(CultureInfo.InvariantCulture)}");
        }

        string? Text(string? value, string name) =>
            value is null ? null : value.Trim().Length > 0 ? value.Trim() : throw Problem(name, "must not be empty");
    }

    /// <summary>The entry as a roster file would hold it (run_grid.json keeps the roster this way).</summary>
    public static RosterEntryJson From(ModelEntry model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new RosterEntryJson
        {
            Id = model.Id,
            Label = model.Label,
            Provider = model.Provider,
            Concurrency = model.Concurrency,
            BaseUrl = model.BaseUrl,
            ApiKeyEnv = model.ApiKeyEnv,
            Model = model.Model,
            Rpm = model.Rpm,
            Tpm = model.Tpm,
            Temperature = model.Temperature,
            TopP = model.TopP,
            MaxTokens = model.MaxTokens,
            FrequencyPenalty = model.FrequencyPenalty,
            PresencePenalty = model.PresencePenalty,
            Seed = model.Seed,
            Stop = model.Stop,
            ReasoningEffort = model.ReasoningEffort,
            Prices = model.Prices,
        };
    }
}
