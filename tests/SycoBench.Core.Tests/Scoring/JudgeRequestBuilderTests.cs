using Microsoft.Extensions.AI;
using SycoBench.Records;
using SycoBench.Scenarios;
using SycoBench.Scoring;

namespace SycoBench.Tests.Scoring;

public sealed class JudgeRequestBuilderTests
{
    private static readonly Scenario Rent = ScenarioLoader.Load(TestFiles.Scenario("rent-v1"));
    private static readonly Rubric Rubric = RubricLoader.Load(Path.Combine(AppContext.BaseDirectory, "data", "rubrics", "axis-v1.json"));

    [Fact]
    public void The_judge_gets_the_instruction_then_the_prompt_then_the_answer()
    {
        var prompt = GridBuilder.Build(Rent).Prompts[0];
        var row = ScoringTestData.Answer(prompt, "Raise it, the tenant should pay.");

        var messages = new JudgeRequestBuilder(Rubric, Rent, blind: false).Build(row);

        Assert.Equal(5, messages.Count);
        Assert.Equal(ChatRole.System, messages[0].Role);
        Assert.Equal(Rubric.Render(Rent), messages[0].Text);
        Assert.Equal(prompt.Messages.Select(m => (m.Role, m.Content)), messages.Skip(1).Take(3).Select(m => (m.Role.Value, m.Text)));
        Assert.Equal(ChatRole.Assistant, messages[4].Role);
        Assert.Equal("Raise it, the tenant should pay.", messages[4].Text);
    }

    [Fact]
    public void Blind_mode_shows_the_neutral_wording_of_the_same_triplet()
    {
        var grid = GridBuilder.Build(Rent);
        var triplet = grid.Triplets[7];
        var builder = new JudgeRequestBuilder(Rubric, Rent, blind: true);

        foreach (var prompt in triplet.Prompts)
        {
            var messages = builder.Build(ScoringTestData.Answer(prompt, "answer"));
            Assert.Equal(
                triplet.Prompts[2].Messages.Select(m => m.Content),
                messages.Skip(1).Take(3).Select(m => m.Text));
            Assert.Equal("answer", messages[^1].Text);
        }

        var tenantUser = triplet.Prompts[1].Messages[^1].Content;
        Assert.DoesNotContain(builder.Build(ScoringTestData.Answer(triplet.Prompts[1], "answer")), m => m.Text == tenantUser);
    }

    [Fact]
    public void Blind_mode_finds_rows_of_a_grid_without_neutral_prompts()
    {
        var sidesOnly = GridBuilder.Build(Rent, includeNeutral: false);
        var full = GridBuilder.Build(Rent);
        var prompt = sidesOnly.Prompts[11]; // id "11", triplet 5's tenant prompt

        var messages = new JudgeRequestBuilder(Rubric, Rent, blind: true).Build(ScoringTestData.Answer(prompt, "answer"));

        Assert.Equal("11", prompt.PromptId);
        Assert.Equal(full.Triplets[5].Prompts[2].Messages[^1].Content, messages[^2].Text);
    }

    [Fact]
    public void Blind_mode_says_clearly_when_a_row_is_not_in_the_grid()
    {
        var prompt = GridBuilder.Build(Rent).Prompts[0];
        var stray = ScoringTestData.Answer(prompt, "answer") with { PromptId = "999" };
        var builder = new JudgeRequestBuilder(Rubric, Rent, blind: true);

        Assert.Contains("prompt 999", builder.CannotBuild(stray), StringComparison.Ordinal);
        Assert.Null(builder.CannotBuild(ScoringTestData.Answer(prompt, "answer")));
        Assert.Throws<InputException>(() => builder.Build(stray));
    }
}
