using Microsoft.Extensions.AI;
using SycoBench.Records;
using SycoBench.Scenarios;

namespace SycoBench.Scoring;

/// <summary>
/// Builds what a judge is sent (SPEC §5): the rubric's system instruction, then the prompt's messages, then the answer
/// as an assistant message. In blind mode the prompt's messages are those of the neutral prompt of the same matched
/// triplet, so the judge cannot tell who asked.
/// </summary>
public sealed class JudgeRequestBuilder
{
    private readonly NeutralWordingIndex? _blind;

    public JudgeRequestBuilder(Rubric rubric, Scenario scenario, bool blind)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentNullException.ThrowIfNull(scenario);
        Rubric = rubric;
        Scenario = scenario;
        Instruction = rubric.Render(scenario);
        _blind = blind ? new NeutralWordingIndex(scenario) : null;
    }

    public Rubric Rubric { get; }

    public Scenario Scenario { get; }

    public bool Blind => _blind is not null;

    /// <summary>The rendered system instruction, the same for every row.</summary>
    public string Instruction { get; }

    /// <summary>Why the row cannot be judged in this mode (blind: not a prompt of the scenario's grid); null when it can.</summary>
    public string? CannotBuild(RunRecord row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (_blind is null || _blind.Contains(row.PromptId, row.Factors))
            return null;
        return $"prompt {row.PromptId} with these factors is not a prompt of scenario {Scenario.Id}'s grid, so its neutral wording is unknown";
    }

    public IReadOnlyList<ChatMessage> Build(RunRecord row)
    {
        ArgumentNullException.ThrowIfNull(row);
        IReadOnlyList<PromptMessage> context;
        if (_blind is not null)
        {
            if (!_blind.TryFindNeutral(row.PromptId, row.Factors, out var neutral))
                throw new InputException(CannotBuild(row)!);
            context = neutral.Messages;
        }
        else
        {
            context = row.Messages ?? [];
        }

        var messages = new List<ChatMessage>(context.Count + 2) { new(ChatRole.System, Instruction) };
        foreach (var message in context)
            messages.Add(new ChatMessage(new ChatRole(message.Role), message.Content));
        messages.Add(new ChatMessage(ChatRole.Assistant, row.ResponseText ?? ""));
        return messages;
    }
}
