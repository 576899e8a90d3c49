namespace SycoBench.Models;

/// <summary>
/// Keys of <c>ChatResponse.AdditionalProperties</c> that every SycoBench pipeline fills in, so callers record them
/// without knowing the provider. Tokens come from <c>ChatResponse.Usage</c>, the request id from
/// <c>ChatResponse.ResponseId</c>, the finish reason from <c>ChatResponse.FinishReason</c>.
/// </summary>
public static class ResponseProperties
{
    /// <summary>double: the cost of the call in US dollars (provider-reported, else roster prices × tokens).</summary>
    public const string CostUsd = "sycobench.cost_usd";

    /// <summary>string: where <see cref="CostUsd"/> came from (<see cref="Costs.CostSource"/>).</summary>
    public const string CostSource = "sycobench.cost_source";

    /// <summary>string: the provider that served the call (e.g. OpenRouter's upstream "Chutes").</summary>
    public const string Provider = "sycobench.provider";

    /// <summary>string: the raw JSON body of the provider's response.</summary>
    public const string RawResponseJson = "sycobench.raw_response";

    /// <summary>bool: true when the answer came from the response cache, not the network.</summary>
    public const string Cached = "sycobench.cached";

    /// <summary>int: how many retries the call needed.</summary>
    public const string Retries = "sycobench.retries";

    /// <summary>double: wall time of the successful attempt in milliseconds.</summary>
    public const string LatencyMs = "sycobench.latency_ms";

    /// <summary>string: the Batch API batch the answer came from (an answer read from a batch's results).</summary>
    public const string BatchId = "sycobench.batch_id";
}
