using System.Text;
using System.Text.Json.Nodes;
using SycoBench.Scenarios;

namespace SycoBench.Tests.Scenarios;

public sealed class ScenarioLoaderTests
{
    private static JsonObject RentJson() => JsonNode.Parse(File.ReadAllText(TestFiles.Scenario("rent-v1")))!.AsObject();

    private static ScenarioFormatException LoadFails(JsonObject json) =>
        Assert.Throws<ScenarioFormatException>(() => ScenarioLoader.Parse(Encoding.UTF8.GetBytes(json.ToJsonString()), "broken.json"));

    [Fact]
    public void Rent_v1_loads_with_its_dimensions()
    {
        var scenario = ScenarioLoader.Load(TestFiles.Scenario("rent-v1"));

        Assert.Equal("rent-v1", scenario.Id);
        Assert.Equal([50m, 200m, 500m], scenario.Amounts);
        Assert.Equal(["economy", "costs", "timing"], scenario.Justifications.Select(j => j.Category));
        Assert.Equal("rising_living_costs", scenario.Justifications[1].Codes["tenant"]);
        Assert.Equal(["landlord", "tenant"], scenario.Sides.Select(s => s.Name));
        Assert.Equal(64, scenario.Sha256.Length);
        Assert.Equal(36, scenario.TripletCount);
        Assert.False(scenario.HasParaphrases);
    }

    [Fact]
    public void Unknown_perspective_in_the_axis_names_file_and_field()
    {
        var json = RentJson();
        json["axis"]!["positive"] = "lodger";

        var error = LoadFails(json);

        Assert.Equal("broken.json", error.FilePath);
        Assert.Equal("axis.positive", error.Field);
        Assert.Contains("unknown perspective 'lodger'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Justification_code_for_an_unknown_perspective_is_refused()
    {
        var json = RentJson();
        json["justifications"]![1]!["codes"]!["lodger"] = "x";

        Assert.Equal("justifications[1].codes.lodger", LoadFails(json).Field);
    }

    [Fact]
    public void Missing_justification_phrase_for_a_side_is_refused()
    {
        var json = RentJson();
        json["justifications"]![2]!["phrases"]!.AsObject().Remove("tenant");

        Assert.Equal("justifications[2].phrases.tenant", LoadFails(json).Field);
    }

    [Fact]
    public void Unknown_template_placeholder_is_refused_with_what_is_available()
    {
        var json = RentJson();
        json["perspectives"]![1]!["template"] = "My landlord asks {amount}€ more because {reason}.";

        var error = LoadFails(json);

        Assert.Equal("perspectives[1].template", error.Field);
        Assert.Contains("unknown placeholder '{reason}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("{landlord_quality}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_side_template_cannot_use_the_other_sides_quality()
    {
        var json = RentJson();
        json["perspectives"]![0]!["template"] = "The landlord is {landlord_quality}.";

        Assert.Equal("perspectives[0].template", LoadFails(json).Field);
    }

    [Fact]
    public void Neutral_template_cannot_use_a_justification()
    {
        var json = RentJson();
        json["neutral"]!["template"] = "A rise {justification_phrase}.";

        Assert.Equal("neutral.template", LoadFails(json).Field);
    }

    [Theory]
    [InlineData("Rent goes up {amount€.", "unclosed '{'")]
    [InlineData("Rent goes up amount}€.", "unmatched '}'")]
    [InlineData("Rent goes up { amount }€.", "not a placeholder name")]
    public void Broken_braces_in_a_template_are_refused(string template, string expected)
    {
        var json = RentJson();
        json["neutral"]!["template"] = template;

        var error = LoadFails(json);

        Assert.Equal("neutral.template", error.Field);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("amounts", "values", "amounts.values")]
    [InlineData(null, "qualities", "qualities")]
    [InlineData(null, "justifications", "justifications")]
    public void Empty_dimension_is_refused(string? parent, string name, string field)
    {
        var json = RentJson();
        var owner = parent is null ? json : json[parent]!.AsObject();
        owner[name] = new JsonArray();

        var error = LoadFails(json);

        Assert.Equal(field, error.Field);
        Assert.Contains("must not be empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_field_is_named()
    {
        var json = RentJson();
        json.Remove("neutral");

        var error = LoadFails(json);

        Assert.Equal("neutral", error.Field);
        Assert.Contains("is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Misspelt_field_is_refused_rather_than_ignored()
    {
        var json = RentJson();
        json["amount"] = 5;

        Assert.Equal("amount", LoadFails(json).Field);
    }

    [Fact]
    public void Incomplete_relationship_table_is_refused()
    {
        var json = RentJson();
        json["relationship"]!["table"]!["neu"]!.AsObject().Remove("neg");

        Assert.Equal("relationship.table.neu.neg", LoadFails(json).Field);
    }

    [Fact]
    public void Factor_order_must_place_every_factor()
    {
        var json = RentJson();
        json["factor_order"]!.AsArray().RemoveAt(6);

        var error = LoadFails(json);

        Assert.Equal("factor_order", error.Field);
        Assert.Contains("missing factor 'landlord_quality'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Amount_that_is_not_a_number_is_refused()
    {
        var json = RentJson();
        json["amounts"]!["values"]![1] = "200";

        Assert.Equal("amounts.values[1]", LoadFails(json).Field);
    }

    [Fact]
    public void Invalid_json_reports_the_line()
    {
        var error = Assert.Throws<ScenarioFormatException>(() =>
            ScenarioLoader.Parse(Encoding.UTF8.GetBytes("{\n  \"id\": \"x\",\n  oops\n}"), "broken.json"));

        Assert.Contains("broken.json: not valid JSON at line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_is_reported_with_its_path()
    {
        var error = Assert.Throws<ScenarioFormatException>(() => ScenarioLoader.Load("/nonexistent/scenario.json"));

        Assert.StartsWith("/nonexistent/scenario.json: cannot read the file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Catalog_resolves_names_and_lists_known_ones_when_a_name_is_unknown()
    {
        var directories = new[] { TestFiles.ScenarioDirectory };

        Assert.Equal(TestFiles.Scenario("wage-v1"), ScenarioCatalog.ResolvePath("wage-v1", "/", directories));
        var error = Assert.Throws<ScenarioFormatException>(() => ScenarioCatalog.ResolvePath("rent-v9", "/", directories));
        Assert.Contains("known scenarios: rent-v1, rent-v2, wage-v1, wage-v2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Field_given_twice_is_refused_rather_than_the_last_one_winning()
    {
        var text = RentJson().ToJsonString().Replace("{\"id\":", "{\"id\":\"rent-v0\",\"id\":", StringComparison.Ordinal);

        var error = Assert.Throws<ScenarioFormatException>(() => ScenarioLoader.Parse(Encoding.UTF8.GetBytes(text), "broken.json"));

        Assert.Equal("id", error.Field);
        Assert.Contains("appears twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_for_a_required_text_reads_as_missing()
    {
        var json = RentJson();
        json["axis"]!["positive"] = null;

        var error = LoadFails(json);

        Assert.Equal("axis.positive", error.Field);
        Assert.Contains("is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_inside_a_list_is_named_by_its_index()
    {
        var json = RentJson();
        json["qualities"]![1] = null;

        Assert.Equal("qualities[1]", LoadFails(json).Field);
    }

    [Fact]
    public void Value_of_the_wrong_kind_names_what_was_expected_and_what_was_found()
    {
        var json = RentJson();
        json["qualities"] = "good";

        var error = LoadFails(json);

        Assert.Equal("broken.json: field 'qualities': must be an array, not a string", error.Message);
    }

    [Fact]
    public void Misspelt_nested_field_is_named_with_its_path_and_the_known_ones()
    {
        var json = RentJson();
        json["relationship"]!["colums"] = "tenant_quality";

        var error = LoadFails(json);

        Assert.Equal("relationship.colums", error.Field);
        Assert.Contains("unknown field (expected one of key, rows, columns, table)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Number_out_of_range_is_refused()
    {
        var text = RentJson().ToJsonString().Replace("\"value\":600", "\"value\":1e400", StringComparison.Ordinal);

        var error = Assert.Throws<ScenarioFormatException>(() => ScenarioLoader.Parse(Encoding.UTF8.GetBytes(text), "broken.json"));

        Assert.Equal("base.value", error.Field);
        Assert.Contains("out of range", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_an_object_is_refused_as_a_whole()
    {
        var error = Assert.Throws<ScenarioFormatException>(() => ScenarioLoader.Parse(Encoding.UTF8.GetBytes("[1, 2]"), "broken.json"));

        Assert.Equal("broken.json: must be an object, not an array", error.Message);
    }
}
