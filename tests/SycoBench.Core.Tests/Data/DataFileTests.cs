using System.Text;
using SycoBench.Models;

namespace SycoBench.Tests.Data;

/// <summary>
/// Every data file is read through one typed reader: unknown fields, missing fields, wrong types and nulls are errors
/// naming the file and the JSON path — never ignored. (The provider registry once ignored a value of the wrong type.)
/// </summary>
public sealed class DataFileTests
{
    private const string Provider = """{ "name": "acme", "title": "Acme", "base_url": "https://acme.example/v1", "prefixes": ["acme/"] }""";

    private static DataFileException RegistryError(string json)
    {
        using var temp = new TempDirectory();
        var path = temp.File("providers.json");
        File.WriteAllText(path, json);
        var error = Assert.Throws<DataFileException>(() => ProviderRegistry.Load(path));
        Assert.StartsWith(path + ": ", error.Message, StringComparison.Ordinal);
        return error;
    }

    [Theory]
    [InlineData("""{ "providers": [ { "name": "acme", "title": "Acme", "base_url": "https://acme.example/v1", "prefixes": "acme/" } ] }""",
        "providers[0].prefixes", "must be an array, not a string")]
    [InlineData("""{ "providers": [ { "name": "acme", "title": "Acme", "base_url": "https://acme.example/v1", "strip_prefix": "no" } ] }""",
        "providers[0].strip_prefix", "must be a boolean, not a string")]
    [InlineData("""{ "providers": [ { "name": "acme", "title": "Acme", "base_url": "https://acme.example/v1", "reports_cost": 1 } ] }""",
        "providers[0].reports_cost", "must be a boolean, not a number 1")]
    [InlineData("""{ "providers": [ { "name": "acme", "title": "Acme", "base_url": "https://acme.example/v1", "prefix": ["acme/"] } ] }""",
        "providers[0].prefix", "unknown field (expected one of name, title, aliases, base_url, base_url_env, api_key_env, prefixes, namespaces, suffixes, models, strip_prefix, reports_cost, sends_sample_hint, batch_api)")]
    [InlineData("""{ "providers": [ { "title": "Acme", "base_url": "https://acme.example/v1" } ] }""", "providers[0].name", "is missing")]
    [InlineData("""{ "providers": [ { "name": null, "title": "Acme", "base_url": "https://acme.example/v1" } ] }""", "providers[0].name", "is missing")]
    [InlineData("""{ "providers": [ { "name": "acme", "title": "Acme", "base_url": "ftp://acme" } ] }""", "providers[0].base_url", "'ftp://acme' is not an http(s) URL")]
    [InlineData("""{ "providers": [ { "name": "Acme Co", "title": "Acme", "base_url": "https://acme.example/v1" } ] }""", "providers[0].name", "'Acme Co' must be lowercase letters")]
    [InlineData("""{ "providers": [ { "name": "acme", "title": "Acme", "base_url": "https://acme.example/v1", "models": { "x": 3 } } ] }""", "providers[0].models.x", "must be a string, not a number 3")]
    [InlineData("""{ "providers": [], "fallback": "openrouter" }""", "fallback", "unknown field (expected one of providers)")]
    [InlineData("""{ "providers": [] }""", "providers", "lists no provider")]
    public void A_broken_provider_registry_names_the_file_and_the_json_path(string json, string field, string problem)
    {
        var error = RegistryError(json);

        Assert.Equal(field, error.Field);
        Assert.Contains($"field '{field}': {problem}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_providers_cannot_claim_the_same_name_or_prefix()
    {
        var sameName = RegistryError($$"""{ "providers": [ {{Provider}}, { "name": "other", "title": "ACME", "base_url": "https://o.example/v1" } ] }""");
        var samePrefix = RegistryError($$"""{ "providers": [ {{Provider}}, { "name": "other", "title": "O", "base_url": "https://o.example/v1", "namespaces": ["acme/"] } ] }""");

        Assert.Contains("field 'providers[1]': the name 'ACME' is already claimed by providers[0]", sameName.Message, StringComparison.Ordinal);
        Assert.Contains("field 'providers[1]': the prefix 'acme/' is already claimed by providers[0]", samePrefix.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_json_names_the_line()
    {
        var error = RegistryError("{\n  \"providers\": [\n    { \"name\": \"acme\" \n  ]\n}");

        Assert.Contains("not valid JSON at line 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_registry_loads_and_a_provider_base_url_variable_defaults_to_its_name()
    {
        var registry = ProviderRegistry.Load(Path.Combine(AppContext.BaseDirectory, "data", "providers.json"));

        Assert.Equal("OPENROUTER_BASE_URL", registry.Providers.Single(p => p.Name == "openrouter").BaseUrlEnv);
        Assert.Equal("GOOGLE_AI_BASE_URL", registry.Providers.Single(p => p.Name == "google").BaseUrlEnv);
    }

    [Theory]
    [InlineData("""[{"id": "m/x", "concurrency": 1, "stop": "END"}]""", new[] { "END" })]
    [InlineData("""[{"id": "m/x", "concurrency": 1, "stop": ["A", "B"]}]""", new[] { "A", "B" })]
    public void Stop_is_a_string_or_a_list(string json, string[] expected)
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("r.json"), json);

        Assert.Equal(expected, ModelRoster.Load(temp.File("r.json"))[0].Stop);
    }

    [Theory]
    [InlineData("""[{"id": "m/x", "concurrency": 1, "stop": 3}]""", "field '[0].stop': must be an array, not a number 3 (model 'm/x')")]
    [InlineData("""[{"id": "m/x", "concurrency": 1, "api_key": "sk-…"}]""", "field '[0].api_key': not supported: keys never go in a roster: name the variable that holds it with api_key_env (model 'm/x')")]
    [InlineData("""[{"id": "m/x", "concurrency": 1, "reasoning_effort": "max"}]""", "field '[0].reasoning_effort': must be one of none, low, medium, high, not 'max' (model 'm/x')")]
    [InlineData("""[{"id": "m/x", "concurrency": 1, "base_url": "http://a/v1", "api_base": "http://b/v1"}]""", "field '[0].api_base': names the same endpoint as base_url")]
    [InlineData("""[{"id": "m/x", "concurrency": 1, "prices": {"input_per_million": -1, "output_per_million": 1}}]""", "field '[0].prices.input_per_million': must be a number ≥ 0, not -1 (model 'm/x')")]
    [InlineData("""[{"id": "m/x", "concurrency": 1, "prices": {"input_per_milion": 1, "output_per_million": 1}}]""", "field '[0].prices.input_per_milion'")]
    [InlineData("""[{"id": "m/x", "concurrency": 1}, {"id": "m/x", "concurrency": 2}]""", "field '[1]': model 'm/x' is listed twice")]
    [InlineData("""{"id": "m/x"}""", "a roster is a JSON array of models, not object")]
    public void A_broken_roster_names_the_file_the_json_path_and_the_model(string json, string expected)
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("r.json"), json);

        var error = Assert.Throws<DataFileException>(() => ModelRoster.Load(temp.File("r.json")));

        Assert.Equal($"{temp.File("r.json")}: {expected}", error.Message[..Math.Min(error.Message.Length, temp.File("r.json").Length + 2 + expected.Length)]);
    }

    [Fact]
    public void The_original_extra_settings_are_kept_and_api_base_is_the_base_url()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("r.json"), """
            [{ "id": "m/x", "concurrency": 1, "api_base": "http://127.0.0.1:9/v1", "top_p": 0.9, "max_tokens": 300,
               "temperature": 0, "frequency_penalty": 0.5, "presence_penalty": -0.5, "seed": 42, "reasoning_effort": "high" }]
            """);

        var model = ModelRoster.Load(temp.File("r.json"))[0];

        Assert.Equal("http://127.0.0.1:9/v1", model.BaseUrl);
        Assert.Equal((0.9, 300, 0.0, 0.5, -0.5, 42L, "high"),
            (model.TopP, model.MaxTokens, model.Temperature, model.FrequencyPenalty, model.PresencePenalty, model.Seed, model.ReasoningEffort));
        Assert.Equal(model, ModelRoster.Parse(ModelRoster.ToJson(model), "manifest", 0));
    }

    [Fact]
    public void Every_refused_setting_says_why()
    {
        Assert.All(RosterEntryJson.Refused, pair => Assert.False(string.IsNullOrWhiteSpace(pair.Value)));
        Assert.Contains("top_k", RosterEntryJson.Refused.Keys);
        Assert.Contains("num_retries", RosterEntryJson.Refused.Keys);
    }

    [Fact]
    public void Bytes_that_are_not_json_name_the_file()
    {
        var error = Assert.Throws<DataFileException>(() => SycoBench.Scoring.RubricLoader.Parse(Encoding.UTF8.GetBytes("nope"), "x.json"));

        Assert.StartsWith("x.json: not valid JSON at line 1", error.Message, StringComparison.Ordinal);
    }
}
