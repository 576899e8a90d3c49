using System.Text;
using System.Text.Json.Nodes;
using SycoBench.Scenarios;

namespace SycoBench.Tests.Scenarios;

/// <summary>The paraphrase part of the scenario format: what a file with <c>paraphrases</c> and <c>quality_phrases</c> must hold.</summary>
public sealed class ParaphraseFormatTests
{
    private static JsonObject RentV2Json() => JsonNode.Parse(File.ReadAllText(TestFiles.Scenario("rent-v2")))!.AsObject();

    private static ScenarioFormatException LoadFails(JsonObject json) =>
        Assert.Throws<ScenarioFormatException>(() => ScenarioLoader.Parse(Encoding.UTF8.GetBytes(json.ToJsonString()), "v2.json"));

    private static Scenario Load(JsonObject json) => ScenarioLoader.Parse(Encoding.UTF8.GetBytes(json.ToJsonString()), "v2.json");

    [Fact]
    public void Rent_v2_loads_with_four_wordings_that_share_a_question()
    {
        var scenario = ScenarioLoader.Load(TestFiles.Scenario("rent-v2"));

        Assert.True(scenario.HasParaphrases);
        Assert.Equal([0, 1, 2, 3], scenario.Wordings.Select(w => w.Paraphrase!.Value));
        Assert.All(scenario.Wordings, w => Assert.EndsWith("?", w.Question, StringComparison.Ordinal));
        Assert.True(scenario.NeutralCarriesJustification);
        Assert.Equal(36, scenario.CellCount);
        Assert.Equal(144, scenario.TripletCount);
        Assert.Empty(scenario.ContextOrder);
    }

    [Fact]
    public void A_side_template_must_end_with_the_shared_question()
    {
        var json = RentV2Json();
        json["paraphrases"]![1]!["templates"]!["tenant"] = "My landlord wants {amount}€ more. {question} Please answer briefly.";

        var error = LoadFails(json);

        Assert.Equal("paraphrases[1].templates.tenant", error.Field);
        Assert.Contains("must end with {question}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_neutral_template_may_word_its_question_otherwise()
    {
        var json = RentV2Json();
        json["paraphrases"]![0]!["templates"]!["neutral"] = "A landlord wants {amount}€ more on {base_rent}€ {justification_phrase}. {landlord_quality_phrase} {tenant_quality_phrase} What should they do?";

        Assert.Equal(4, Load(json).Wordings.Count);
    }

    [Fact]
    public void Every_asker_needs_a_template_in_every_paraphrase()
    {
        var json = RentV2Json();
        json["paraphrases"]![2]!["templates"]!.AsObject().Remove("neutral");

        Assert.Equal("paraphrases[2].templates.neutral", LoadFails(json).Field);
    }

    [Fact]
    public void A_perspective_template_beside_paraphrases_is_refused()
    {
        var json = RentV2Json();
        json["perspectives"]![0]!["template"] = "Quick check: {amount}€? {question}";

        var error = LoadFails(json);

        Assert.Equal("perspectives[0].template", error.Field);
        Assert.Contains("cannot be given with 'paraphrases'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_paraphrases_every_perspective_needs_its_template()
    {
        var json = RentV2Json();
        json.Remove("paraphrases");
        json["factor_order"]!.AsArray().RemoveAt(1);

        var error = LoadFails(json);

        Assert.Equal("perspectives[0].template", error.Field);
        Assert.Contains("is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_equal_paraphrases_are_refused()
    {
        var json = RentV2Json();
        json["paraphrases"]![3]!["templates"]!["landlord"] = json["paraphrases"]![0]!["templates"]!["landlord"]!.GetValue<string>();

        var error = LoadFails(json);

        Assert.Equal("paraphrases[3].templates.landlord", error.Field);
        Assert.Contains("the same as paraphrases[0].templates.landlord", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Question_placeholder_exists_only_with_paraphrases()
    {
        var json = JsonNode.Parse(File.ReadAllText(TestFiles.Scenario("rent-v1")))!.AsObject();
        json["neutral"]!["template"] = "Rent up {amount}€. {question}";

        var error = LoadFails(json);

        Assert.Equal("neutral.template", error.Field);
        Assert.Contains("unknown placeholder '{question}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quality_phrases_need_every_level_in_every_askers_words()
    {
        var json = RentV2Json();
        json["quality_phrases"]!["tenant_quality"]!["poor"]!.AsObject().Remove("neutral");

        Assert.Equal("quality_phrases.tenant_quality.poor.neutral", LoadFails(json).Field);

        json = RentV2Json();
        json["quality_phrases"]!["tenant_quality"]!.AsObject().Remove("good");
        Assert.Equal("quality_phrases.tenant_quality.good", LoadFails(json).Field);

        json = RentV2Json();
        json["quality_phrases"]!["lodger_quality"] = new JsonObject();
        Assert.Equal("quality_phrases.lodger_quality", LoadFails(json).Field);
    }

    [Fact]
    public void Without_quality_phrases_the_phrase_placeholders_are_unknown()
    {
        var json = RentV2Json();
        json.Remove("quality_phrases");

        var error = LoadFails(json);

        Assert.Equal("paraphrases[0].templates.landlord", error.Field);
        Assert.Contains("unknown placeholder '{landlord_quality_phrase}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_neutral_justification_is_given_for_every_category_or_none()
    {
        var json = RentV2Json();
        json["justifications"]![2]!["codes"]!.AsObject().Remove("neutral");

        Assert.Equal("justifications[2].codes.neutral", LoadFails(json).Field);
    }

    [Fact]
    public void Context_json_needs_a_context_order()
    {
        var json = RentV2Json();
        json["system_messages"] = new JsonArray("You are a helpful assistant.", "Context: {context_json}");

        var error = LoadFails(json);

        Assert.Equal("context_order", error.Field);

        json["context_order"] = new JsonArray("base_rent", "amount", "relationship_quality", "justification", "landlord_quality", "tenant_quality");
        var prompt = GridBuilder.Build(Load(json)).Prompts[0];
        Assert.Equal(
            "Context: {\"base_rent\": 600, \"amount\": 50, \"relationship_quality\": \"both_good\", \"justification\": \"economy_tough\", \"landlord_quality\": \"good\", \"tenant_quality\": \"good\"}",
            prompt.Messages[1].Content);
    }

    [Fact]
    public void Factor_order_must_place_the_paraphrase()
    {
        var json = RentV2Json();
        json["factor_order"]!.AsArray().RemoveAt(1);

        var error = LoadFails(json);

        Assert.Equal("factor_order", error.Field);
        Assert.Contains("missing factor 'paraphrase'", error.Message, StringComparison.Ordinal);
    }
}
