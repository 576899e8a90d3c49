using System.Text.Json.Serialization;

namespace SycoBench.Costs;

/// <summary>
/// What one model costs, in US dollars per million tokens: the interactive price and, where the provider offers one,
/// the batch price. The same object in a roster's <c>prices</c> and in <c>data/prices.json</c>; unknown keys are an
/// error (a misspelt key must never leave a price silently unset).
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ModelPrice
{
    public required double InputPerMillion { get; init; }

    public required double OutputPerMillion { get; init; }

    public double? BatchInputPerMillion { get; init; }

    public double? BatchOutputPerMillion { get; init; }

    [JsonIgnore]
    public bool HasBatchPrice => BatchInputPerMillion is not null && BatchOutputPerMillion is not null;

    public static ModelPrice Free { get; } = new() { InputPerMillion = 0, OutputPerMillion = 0, BatchInputPerMillion = 0, BatchOutputPerMillion = 0 };

    /// <summary>US dollars for <paramref name="inputTokens"/> in and <paramref name="outputTokens"/> out.</summary>
    public double Cost(long inputTokens, long outputTokens, bool batch = false)
    {
        var (input, output) = batch && HasBatchPrice
            ? (BatchInputPerMillion!.Value, BatchOutputPerMillion!.Value)
            : (InputPerMillion, OutputPerMillion);
        return (inputTokens * input + outputTokens * output) / 1_000_000d;
    }

    /// <summary>
    /// The first problem with the numbers (negative, not finite, half a batch price) as the member it concerns and
    /// what is wrong, or null.
    /// </summary>
    public (string Member, string Message)? Problem()
    {
        foreach (var (name, value) in new (string, double?)[]
                 {
                     ("input_per_million", InputPerMillion), ("output_per_million", OutputPerMillion),
                     ("batch_input_per_million", BatchInputPerMillion), ("batch_output_per_million", BatchOutputPerMillion),
                 })
        {
            if (value is { } number && !(number >= 0 && double.IsFinite(number)))
                return (name, $"must be a number ≥ 0, not {number.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }

        return (BatchInputPerMillion is null) != (BatchOutputPerMillion is null)
            ? (BatchInputPerMillion is null ? "batch_input_per_million" : "batch_output_per_million",
                "give both batch_input_per_million and batch_output_per_million, or neither")
            : null;
    }
}
