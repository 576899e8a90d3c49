using System.Text.Json;
using SycoBench.Reporting.Aggregation;
using SycoBench.Scenarios;

namespace SycoBench.Tests.Reporting;

public sealed class PromptMatcherTests
{
    private static readonly ReportScenario Rent = new(ScoredRunWriter.Rent);

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

    [Fact]
    public void Every_prompt_of_both_grids_finds_its_triplet_and_role()
    {
        foreach (var includeNeutral in new[] { true, false })
        {
            foreach (var triplet in GridBuilder.Build(ScoredRunWriter.Rent, includeNeutral).Triplets)
            {
                foreach (var prompt in triplet.Prompts)
                {
                    var factors = JsonSerializer.SerializeToElement(prompt.Factors, SycoBench.Records.RecordJsonContext.Default.Factors);
                    var match = Rent.Matcher.Match(prompt.PromptId, factors);
                    Assert.True(match.IsMatched);
                    Assert.Equal(triplet.Index, match.Triplet);
                    Assert.Equal(Rent.RoleOf(prompt.Perspective), match.Role);
                }
            }
        }
    }

    [Fact]
    public void Neutral_prompts_with_the_same_factors_are_told_apart_by_prompt_id_only()
    {
        const string neutral = """{"perspective": "neutral", "base_rent": 600, "amount": 50, "relationship_quality": "good"}""";

        Assert.Equal(0, Rent.Matcher.Match("002", Json(neutral)).Triplet);
        Assert.Equal(4, Rent.Matcher.Match("014", Json(neutral)).Triplet);
        Assert.Equal(UnmatchedReason.Ambiguous, Rent.Matcher.Match(null, Json(neutral)).Reason);
        Assert.Equal(UnmatchedReason.Ambiguous, Rent.Matcher.Match("999", Json(neutral)).Reason);
    }

    [Fact]
    public void Side_prompts_match_by_factors_when_the_id_is_missing_and_numbers_compare_by_value()
    {
        const string landlord = """{"perspective": "landlord", "base_rent": 600.0, "amount": 50, "relationship_quality": "good", "justification": "economy_tough", "tenant_quality": "good", "extra": 1}""";

        var match = Rent.Matcher.Match(null, Json(landlord));

        Assert.True(match.IsMatched);
        Assert.Equal(0, match.Triplet);
        Assert.Equal(Role.Positive, match.Role);
    }

    [Fact]
    public void Factors_that_fit_no_prompt_are_not_in_the_grid()
    {
        const string odd = """{"perspective": "landlord", "base_rent": 600, "amount": 75, "relationship_quality": "good", "justification": "economy_tough", "tenant_quality": "good"}""";

        Assert.Equal(UnmatchedReason.NotInGrid, Rent.Matcher.Match("000", Json(odd)).Reason);
        Assert.Equal(UnmatchedReason.NoFactors, Rent.Matcher.Match("000", Json("null")).Reason);
    }
}
