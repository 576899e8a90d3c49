using SycoBench.Costs;
using SycoBench.Models;

namespace SycoBench.Tests.Models;

public sealed class ProviderRoutingTests
{
    private static readonly ProviderRegistry Registry = ProviderRegistry.Load(Path.Combine(AppContext.BaseDirectory, "data", "providers.json"));

    private static ModelRoute Route(string id, string? provider = null, string? baseUrl = null, string? apiKeyEnv = null, Func<string, string?>? env = null) =>
        Registry.Route(new ModelEntry { Id = id, Provider = provider, BaseUrl = baseUrl, ApiKeyEnv = apiKeyEnv, Concurrency = 1 }, env ?? (_ => null));

    [Theory]
    [InlineData("groq/llama-3.3-70b-versatile", "groq", "llama-3.3-70b-versatile", "GROQ_API_KEY", "https://api.groq.com/openai/v1")]
    [InlineData("gemini/gemini-2.5-flash", "google", "gemini-2.5-flash", "GOOGLE_AI_API_KEY", "https://generativelanguage.googleapis.com/v1beta/openai/")]
    [InlineData("google/gemini-2.0-flash-exp", "google", "gemini-2.0-flash-exp", "GOOGLE_AI_API_KEY", "https://generativelanguage.googleapis.com/v1beta/openai/")]
    [InlineData("huggingface/meta-llama/Llama-3.1-8B-Instruct", "huggingface", "meta-llama/Llama-3.1-8B-Instruct", "HUGGINGFACE_API_KEY", "https://router.huggingface.co/v1")]
    [InlineData("cerebras/llama3.1-8b", "cerebras", "llama3.1-8b", "CEREBRAS_API_KEY", "https://api.cerebras.ai/v1")]
    [InlineData("mistral/mistral-small-latest", "mistral", "mistral-small-latest", "MISTRAL_API_KEY", "https://api.mistral.ai/v1")]
    [InlineData("cohere/command-r-08-2024", "cohere", "command-r-08-2024", "COHERE_API_KEY", "https://api.cohere.ai/compatibility/v1")]
    [InlineData("openrouter/nvidia/nemotron-nano-9b-v2:free", "openrouter", "nvidia/nemotron-nano-9b-v2:free", "OPENROUTER_API_KEY", "https://openrouter.ai/api/v1")]
    [InlineData("openai/gpt-4o-mini", "openai", "gpt-4o-mini", "OPENAI_API_KEY", "https://api.openai.com/v1")]
    [InlineData("ollama/llama3.2", "ollama", "llama3.2", null, "http://127.0.0.1:11434/v1")]
    [InlineData("sim/sycophant@0.6", "sim", "sim/sycophant@0.6", null, "http://127.0.0.1:5089/v1")]
    [InlineData("nvidia/nemotron-nano-9b-v2:free", "openrouter", "nvidia/nemotron-nano-9b-v2:free", "OPENROUTER_API_KEY", "https://openrouter.ai/api/v1")]
    // The original tool's ids go where it sent them: :free ids and OpenRouter-only namespaces to OpenRouter, whole id.
    [InlineData("openai/gpt-oss-20b:free", "openrouter", "openai/gpt-oss-20b:free", "OPENROUTER_API_KEY", "https://openrouter.ai/api/v1")]
    [InlineData("openai/gpt-oss-120b", "openrouter", "openai/gpt-oss-120b", "OPENROUTER_API_KEY", "https://openrouter.ai/api/v1")]
    [InlineData("deepseek/deepseek-chat-v3-0324", "openrouter", "deepseek/deepseek-chat-v3-0324", "OPENROUTER_API_KEY", "https://openrouter.ai/api/v1")]
    [InlineData("google/gemma-3-27b-it", "openrouter", "google/gemma-3-27b-it", "OPENROUTER_API_KEY", "https://openrouter.ai/api/v1")]
    [InlineData("openrouter/z-ai/glm-4.5-air:free", "openrouter", "z-ai/glm-4.5-air:free", "OPENROUTER_API_KEY", "https://openrouter.ai/api/v1")]
    // Its bare aliases and short names become the provider's model names.
    [InlineData("llama-3.3-70b", "groq", "llama-3.3-70b-versatile", "GROQ_API_KEY", "https://api.groq.com/openai/v1")]
    [InlineData("groq/llama-3.3-70b", "groq", "llama-3.3-70b-versatile", "GROQ_API_KEY", "https://api.groq.com/openai/v1")]
    [InlineData("groq/gpt-oss-20b", "groq", "openai/gpt-oss-20b", "GROQ_API_KEY", "https://api.groq.com/openai/v1")]
    [InlineData("huggingface/phi-3.5-mini", "huggingface", "microsoft/Phi-3.5-mini-instruct", "HUGGINGFACE_API_KEY", "https://router.huggingface.co/v1")]
    [InlineData("huggingface/qwen-2.5-72b", "huggingface", "Qwen/Qwen2.5-72B-Instruct", "HUGGINGFACE_API_KEY", "https://router.huggingface.co/v1")]
    public void Ids_route_by_alias_suffix_prefix_or_namespace(string id, string provider, string modelName, string? keyEnv, string baseUrl)
    {
        var route = Route(id);

        Assert.Equal(provider, route.ProviderName);
        Assert.Equal(modelName, route.ModelName);
        Assert.Equal(keyEnv, route.ApiKeyEnv);
        Assert.Equal(new Uri(baseUrl), route.BaseUrl);
    }

    [Fact]
    public void The_roster_provider_wins_over_the_prefix_and_keeps_the_id_as_model_name()
    {
        // The original tool's roster: OpenAI's open model served by OpenRouter.
        var route = Route("openai/gpt-oss-20b:free", provider: "openrouter");

        Assert.Equal("openrouter", route.ProviderName);
        Assert.Equal("openai/gpt-oss-20b:free", route.ModelName);
        Assert.Equal("OPENROUTER_API_KEY", route.ApiKeyEnv);
    }

    [Fact]
    public void A_base_url_entry_needs_no_provider_and_a_key_only_when_it_names_one()
    {
        var open = Route("my-llama", baseUrl: "http://127.0.0.1:8000/v1");
        var keyed = Route("my-llama", baseUrl: "http://127.0.0.1:8000/v1", apiKeyEnv: "VLLM_KEY");

        Assert.Equal("custom", open.ProviderName);
        Assert.Equal("my-llama", open.ModelName);
        Assert.False(open.NeedsKey);
        Assert.True(keyed.NeedsKey);
        Assert.Equal("VLLM_KEY", keyed.ApiKeyEnv);
    }

    [Fact]
    public void Sim_base_url_follows_the_environment()
    {
        var route = Route("sim/balanced", env: name => name == "SIM_BASE_URL" ? "http://127.0.0.1:6123/v1" : null);

        Assert.Equal(new Uri("http://127.0.0.1:6123/v1"), route.BaseUrl);
        Assert.True(route.SendsSampleHint);
    }

    [Theory]
    [InlineData("Google AI Studio", "google/gemini-2.5-pro", "google", "gemini-2.5-pro")]
    [InlineData("Mistral AI", "mistral/mistral-small", "mistral", "mistral-small")]
    [InlineData("Hugging Face", "huggingface/phi-3.5-mini", "huggingface", "microsoft/Phi-3.5-mini-instruct")]
    [InlineData("OpenRouter", "openrouter/deepseek/deepseek-chat-v3-0324:free", "openrouter", "deepseek/deepseek-chat-v3-0324:free")]
    [InlineData("google_ai_studio", "gemini/gemini-2.5-flash", "google", "gemini-2.5-flash")]
    [InlineData("groq", "groq/groq/compound", "groq", "groq/compound")]
    public void Provider_display_names_are_aliases(string provider, string id, string expectedProvider, string modelName)
    {
        var route = Route(id, provider: provider);

        Assert.Equal(expectedProvider, route.ProviderName);
        Assert.Equal(modelName, route.ModelName);
    }

    [Theory]
    [InlineData("opnai/gpt-4o", "model 'opnai/gpt-4o' has an unknown prefix 'opnai/'")]
    [InlineData("gpt-4o", "model 'gpt-4o' has no provider prefix")]
    public void An_id_that_matches_no_provider_is_an_error_listing_the_known_prefixes(string id, string expected)
    {
        var error = Assert.Throws<InputException>(() => Route(id));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        foreach (var prefix in new[] { "gemini/", "groq/", "huggingface/", "cerebras/", "mistral/", "cohere/", "openrouter/", "openai/", "ollama/", "sim/" })
            Assert.Contains(prefix, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("openai/gpt-4o-mini", "OPENAI_BASE_URL")]
    [InlineData("groq/llama-3.3-70b-versatile", "GROQ_BASE_URL")]
    [InlineData("gemini/gemini-2.5-flash", "GOOGLE_AI_BASE_URL")]
    [InlineData("openrouter/openai/gpt-4o", "OPENROUTER_BASE_URL")]
    [InlineData("ollama/llama3.2", "OLLAMA_BASE_URL")]
    [InlineData("sim/balanced", "SIM_BASE_URL")]
    public void Every_provider_takes_its_base_url_from_the_environment(string id, string variable)
    {
        var route = Route(id, env: name => name == variable ? "http://127.0.0.1:7001/v1" : null);

        Assert.Equal(new Uri("http://127.0.0.1:7001/v1"), route.BaseUrl);
    }

    [Fact]
    public void Every_provider_has_a_base_url_variable()
    {
        Assert.All(Registry.Providers, p => Assert.EndsWith("_BASE_URL", p.BaseUrlEnv, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("benchmark_models.json", 22)]
    [InlineData("llm_labeling_models.json", 39)]
    public void The_original_rosters_load_and_route_every_model(string file, int models)
    {
        var roster = ModelRoster.Load(Path.Combine(AppContext.BaseDirectory, "fixtures", "origin", file));
        var routes = roster.Select(m => Registry.Route(m, _ => null)).ToArray();

        Assert.Equal(models, routes.Length);
        Assert.All(routes, r => Assert.NotNull(r.Provider));
        Assert.Equal(
            ["google", "groq", "huggingface", "cerebras", "mistral", "cohere", "openrouter"],
            routes.Select(r => r.ProviderName).Distinct());
    }

    [Fact]
    public void Unknown_provider_and_bad_urls_are_input_errors()
    {
        Assert.Contains("unknown provider 'acme'", Assert.Throws<InputException>(() => Route("x", provider: "acme")).Message, StringComparison.Ordinal);
        Assert.Contains("not an http(s) URL", Assert.Throws<InputException>(() => Route("x", baseUrl: "ftp://host")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_shipped_roster_entry_routes()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "data", "models"), "*.json"))
        {
            foreach (var model in ModelRoster.Load(file))
                Assert.NotNull(Registry.Route(model, _ => null));
        }
    }

    [Fact]
    public void The_shipped_roster_covers_the_seven_providers()
    {
        var providers = ModelRoster.Load(Path.Combine(AppContext.BaseDirectory, "data", "models", "roster.json"))
            .Select(m => Registry.Route(m, _ => null).ProviderName)
            .ToHashSet();

        Assert.Superset(new HashSet<string> { "google", "groq", "huggingface", "cerebras", "mistral", "cohere", "openrouter" }, providers);
    }

    [Fact]
    public void Roster_entries_survive_a_round_trip_through_the_run_manifest()
    {
        var model = new ModelEntry
        {
            Id = "groq/x",
            Label = "X",
            Provider = "groq",
            Concurrency = 3,
            Rpm = 30,
            Tpm = 6000,
            Temperature = 0.5,
            MaxTokens = 800,
            TopP = 0.9,
            FrequencyPenalty = 0.1,
            PresencePenalty = -0.2,
            Seed = 7,
            ReasoningEffort = "low",
            Prices = new ModelPrice { InputPerMillion = 0.5, OutputPerMillion = 1.5, BatchInputPerMillion = 0.25, BatchOutputPerMillion = 0.75 },
            ApiKeyEnv = "K",
            Model = "x-name",
            BaseUrl = "http://127.0.0.1:1/v1",
        };

        Assert.Equal(model, ModelRoster.Parse(ModelRoster.ToJson(model), "manifest", 0));
    }
}
