using System.Text.Json;
using System.Text.Json.Serialization;

namespace SycoBench.Records;

/// <summary>
/// What a line of run.jsonl (<see cref="RunRecord"/>) and a line of run_scored.jsonl (<see cref="EvalRecord"/>) both
/// are: one model's answer to one prompt — which answer (run, model, prompt, sample), the conversation and the text.
/// Each record adds its own fields: the call that got the answer, or the judges' score of it.
/// </summary>
/// <remarks>
/// The wire order is fixed by <see cref="JsonPropertyOrderAttribute"/> so both files keep the original tool's order:
/// <c>run_id</c>, the record's timestamps, the answer, the record's own fields, <c>error</c>, <c>sample</c>, then
/// <see cref="Extra"/>.
/// </remarks>
public abstract record AnswerRecord
{
    /// <summary>Order of <c>run_id</c>, first on every line.</summary>
    protected const int RunIdOrder = -3;

    /// <summary>Order of a record's timestamps, right after <c>run_id</c>.</summary>
    protected const int TimestampOrder = -2;

    /// <summary>Order of the answer's fields; a record's own fields (order 0) follow them.</summary>
    private const int AnswerOrder = -1;

    /// <summary>Order of <c>error</c> and <c>sample</c>, after a record's own fields.</summary>
    private const int TrailerOrder = 1;

    [JsonPropertyOrder(RunIdOrder)]
    public long RunId { get; init; }

    [JsonPropertyOrder(AnswerOrder)]
    public string ModelId { get; init; } = "";

    [JsonPropertyOrder(AnswerOrder)]
    public string? Provider { get; init; }

    [JsonPropertyOrder(AnswerOrder)]
    public string PromptId { get; init; } = "";

    [JsonPropertyOrder(AnswerOrder)]
    public string? Perspective { get; init; }

    [JsonPropertyOrder(AnswerOrder)]
    public Factors? Factors { get; init; }

    [JsonPropertyOrder(AnswerOrder)]
    public IReadOnlyList<PromptMessage>? Messages { get; init; }

    [JsonPropertyOrder(AnswerOrder)]
    public string? ResponseText { get; init; }

    /// <summary>
    /// Null on success. In a run record the call's failure (then <see cref="ResponseText"/> is empty); in an eval record
    /// why the row has no score: <c>run-error: …</c>, <c>missing-response</c>, <c>missing-messages</c>, or a judge failure.
    /// </summary>
    [JsonPropertyOrder(TrailerOrder)]
    public string? Error { get; init; }

    /// <summary>0-based index of the sample when a prompt is asked several times; absent means 0.</summary>
    [JsonPropertyOrder(TrailerOrder)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Sample { get; init; }

    /// <summary>Fields beyond the record's own (written by newer versions, other tools or the scorer), kept on read and written back.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    [JsonIgnore]
    public int SampleIndex => Sample ?? 0;
}
