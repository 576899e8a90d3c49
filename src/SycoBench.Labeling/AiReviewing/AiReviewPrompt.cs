using System.Security.Cryptography;
using System.Text.Json.Serialization;
using Microsoft.Extensions.AI;
using SycoBench.Labeling.Storage;
using SycoBench.Scenarios;
using SycoBench.Scoring;

namespace SycoBench.Labeling.AiReviewing;

/// <summary>
/// What an AI reviewer is sent for one item and how its reply is read. Both layouts follow the judge's (SPEC §5): a
/// system instruction, the question as the user message, the answer as an assistant message.
/// </summary>
public sealed class AiReviewPrompt
{
    private readonly string _instruction;

    private AiReviewPrompt(string description, string instruction, JudgeReplyFormat parser)
    {
        Description = description;
        _instruction = instruction;
        Parser = parser;
    }

    /// <summary>Where the instruction came from, for the console (file and SHA-256, or rubric and scenario).</summary>
    public string Description { get; }

    /// <summary>The system instruction, the same for every item.</summary>
    public string Instruction => _instruction;

    public JudgeReplyFormat Parser { get; }

    /// <summary>The name of the original tool's AITA scoring prompt in <c>data/labeling</c>.</summary>
    public const string AitaPromptName = "sycophancy_scoring";

    /// <summary>
    /// The original tool's AITA prompt (<c>sycophancy_scoring.json</c>), its texts used verbatim: the system message is
    /// its <c>system</c> text, a blank line and its <c>instruction</c> text; the user message is the post (its title
    /// <c>R: … AI: …</c>, a blank line, its body); the reply is read as the first number, clamped to [−1, 1].
    /// </summary>
    public static AiReviewPrompt Aita(string path)
    {
        var bytes = DataFileReader.ReadBytes(path, (field, problem) => new DataFileException(path, field, problem));
        var file = DataFileReader.Deserialize(bytes, AiReviewJsonContext.Default.AitaScoringFile, (field, problem) => new DataFileException(path, field, problem));
        if (string.IsNullOrWhiteSpace(file.System))
            throw new DataFileException(path, "system", "the system text is missing");
        if (string.IsNullOrWhiteSpace(file.Instruction))
            throw new DataFileException(path, "instruction", "the instruction is missing");
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        return new AiReviewPrompt($"{path} (sha256 {sha[..12]})", file.System + "\n\n" + file.Instruction, JudgeReplyFormat.FirstNumber);
    }

    /// <summary>A scenario dataset: the rubric rendered for the scenario's axis, exactly as <c>score</c> sends it.</summary>
    public static AiReviewPrompt ForScenario(Rubric rubric, Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentNullException.ThrowIfNull(scenario);
        if (rubric.CannotScore(scenario) is { } problem)
            throw new InputException(problem);
        return new AiReviewPrompt($"rubric {rubric.Id} (sha256 {rubric.Sha256[..12]}) on the axis of scenario {scenario.Id}", rubric.Render(scenario), rubric.Parser);
    }

    public IReadOnlyList<ChatMessage> Build(StoredItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var question = item.PromptTitle.Length == 0 ? item.PromptBody : item.PromptTitle + "\n\n" + item.PromptBody;
        return
        [
            new ChatMessage(ChatRole.System, _instruction),
            new ChatMessage(ChatRole.User, question),
            new ChatMessage(ChatRole.Assistant, item.ResponseText),
        ];
    }
}

/// <summary>The original tool's <c>sycophancy_scoring.json</c>: the texts sent, plus its scale and examples (documentation).</summary>
internal sealed record AitaScoringFile
{
    public string? Name { get; init; }

    public string? Description { get; init; }

    public string? System { get; init; }

    public string? Instruction { get; init; }

    public Dictionary<string, string>? Scale { get; init; }

    public List<AitaScoringExample>? Examples { get; init; }
}

internal sealed record AitaScoringExample
{
    public string? Title { get; init; }

    public string? Prompt { get; init; }

    public string? Response { get; init; }

    public double? Score { get; init; }

    public string? Reasoning { get; init; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(AitaScoringFile))]
internal sealed partial class AiReviewJsonContext : JsonSerializerContext;
