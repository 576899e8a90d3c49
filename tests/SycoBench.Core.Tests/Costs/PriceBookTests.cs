using SycoBench.Costs;
using SycoBench.Models;

namespace SycoBench.Tests.Costs;

public sealed class PriceBookTests
{
    private static readonly string DataDirectory = Path.Combine(AppContext.BaseDirectory, "data");

    private static readonly ProviderRegistry Registry = ProviderRegistry.Load(Path.Combine(DataDirectory, "providers.json"));

    private static readonly PriceBook Shipped = PriceBook.Load(Path.Combine(DataDirectory, PriceBook.FileName));

    private static ModelRoute Route(ModelEntry model) => Registry.Route(model, _ => null);

    private static ModelRoute Route(string id) => Route(new ModelEntry { Id = id, Concurrency = 1 });

    [Fact]
    public void The_shipped_table_prices_every_shipped_roster_model_except_those_with_no_published_price()
    {
        var roster = ModelRoster.Load(Path.Combine(DataDirectory, "models", "roster.json"));
        var unpriced = roster.Select(m => Route(m with { Prices = null }))
            .Where(r => Shipped.Quote(r) is null)
            .Select(r => r.Model.Id)
            .ToArray();

        // Hugging Face's router bills each inference provider's own rate: no single published price per model.
        Assert.Equal(["huggingface/meta-llama/Llama-3.1-8B-Instruct"], unpriced);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", Shipped.ReadOn);
    }

    [Fact]
    public void A_listed_model_is_priced_from_the_table_by_provider_and_model_name()
    {
        var quote = Shipped.Quote(Route("groq/llama-3.3-70b-versatile"));

        Assert.NotNull(quote);
        Assert.Equal(PriceQuote.Table, quote.Source);
        Assert.Equal(0.59, quote.Price.InputPerMillion);
        Assert.Equal(0.79, quote.Price.OutputPerMillion);
        // 1,000 tokens in and 500 out: (1000 × 0.59 + 500 × 0.79) / 1e6 = 0.000985; batch (0.295, 0.395): 0.0004925.
        Assert.Equal(0.000985, quote.Price.Cost(1000, 500), 12);
        Assert.Equal(0.0004925, quote.Price.Cost(1000, 500, batch: true), 12);
    }

    [Fact]
    public void Free_models_cost_zero_and_an_unlisted_model_is_unknown_never_zero()
    {
        Assert.Equal(ModelPrice.Free, Shipped.Quote(Route("openrouter/openai/gpt-oss-20b:free"))!.Price);
        Assert.Equal(ModelPrice.Free, Shipped.Quote(Route("ollama/llama3"))!.Price);
        Assert.Null(Shipped.Quote(Route("groq/some-model-nobody-listed")));
        Assert.Null(Shipped.Quote(Route("openrouter/acme/paid-model")));
    }

    [Fact]
    public void A_roster_price_wins_and_a_server_of_ones_own_has_only_the_roster_price()
    {
        var own = new ModelPrice { InputPerMillion = 1, OutputPerMillion = 2 };

        var overridden = Shipped.Quote(Route(new ModelEntry { Id = "groq/llama-3.3-70b-versatile", Concurrency = 1, Prices = own }));
        var custom = Shipped.Quote(Route(new ModelEntry { Id = "gpt-4o", Concurrency = 1, BaseUrl = "http://127.0.0.1:9/v1", Provider = "openai" }));

        Assert.Equal(new PriceQuote(PriceQuote.Roster, own), overridden);
        Assert.Null(custom);
    }

    [Fact]
    public void Batch_api_is_known_per_provider_from_the_provider_registry()
    {
        Assert.True(Route("openai/gpt-4o-mini").HasBatchApi);
        Assert.True(Route("groq/llama-3.3-70b-versatile").HasBatchApi);
        Assert.True(Route("sim/balanced").HasBatchApi);
        Assert.False(Route("mistral/mistral-small-latest").HasBatchApi);
        Assert.False(Route("openrouter/openai/gpt-oss-20b:free").HasBatchApi);
        Assert.False(Route(new ModelEntry { Id = "gpt-4o", Concurrency = 1, BaseUrl = "http://127.0.0.1:9/v1" }).HasBatchApi);
    }

    [Theory]
    [InlineData("""{"read_on": "2025-01-01", "currency": "USD", "providers": {"groq": {"models": {"m": {"input_per_million": 1, "output_per_milion": 2}}}}}""",
        "output_per_milion': unknown field")]
    [InlineData("""{"read_on": "2025-01-01", "currency": "USD", "providers": {"groq": {"modles": {}}}}""",
        "field 'providers.groq.modles': unknown field")]
    [InlineData("""{"read_on": "2025-01-01", "currency": "USD", "providers": {"groq": {"models": {"m": {"input_per_million": 1}}}}}""",
        "field 'providers.groq.models.m.output_per_million': is missing")]
    [InlineData("""{"currency": "USD", "providers": {}}""", "field 'read_on': is missing")]
    [InlineData("""{"read_on": "last week", "currency": "USD", "providers": {}}""", "field 'read_on': must be a date")]
    [InlineData("""{"read_on": "2025-01-01", "currency": "EUR", "providers": {}}""", "field 'currency': must be USD")]
    [InlineData("""{"read_on": "2025-01-01", "currency": "USD", "providers": {"groq": {"models": {"m": {"input_per_million": -1, "output_per_million": 2}}}}}""",
        "field 'providers.groq.models['m'].input_per_million': must be a number ≥ 0, not -1")]
    [InlineData("""{"read_on": "2025-01-01", "currency": "USD", "providers": {"groq": {"models": {"m": {"input_per_million": 1, "output_per_million": 2, "batch_input_per_million": 0.5}}}}}""",
        "give both batch_input_per_million and batch_output_per_million")]
    [InlineData("""{"read_on": "2025-01-01", "currency": "USD", "providers": {"groq": {"models": {"m": {"input_per_million": null, "output_per_million": 2}}}}}""",
        "input_per_million")]
    public void A_bad_price_table_is_an_error_naming_the_file_and_the_json_path(string json, string expected)
    {
        using var directory = new TempDirectory();
        var path = directory.File("prices.json");
        File.WriteAllText(path, json);

        var error = Assert.ThrowsAny<InputException>(() => PriceBook.Load(path));

        Assert.StartsWith(path + ": ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"input_per_million": 1, "output_per_milion": 2}""", "field '[0].prices.output_per_milion': unknown field")]
    [InlineData("""{"input_per_million": 1}""", "field '[0].prices.output_per_million': is missing")]
    [InlineData("""{"input": 1, "output": 2}""", "field '[0].prices.input': unknown field")]
    [InlineData("""0.5""", "field '[0].prices': must be an object")]
    [InlineData("""{"input_per_million": 1, "output_per_million": -2}""", "field '[0].prices.output_per_million': must be a number ≥ 0, not -2")]
    public void A_misspelt_roster_price_key_is_an_error_naming_the_model(string prices, string expected)
    {
        using var directory = new TempDirectory();
        var path = directory.File("roster.json");
        File.WriteAllText(path, $$"""[{"id": "groq/llama-3.3-70b-versatile", "concurrency": 1, "prices": {{prices}}}]""");

        var error = Assert.ThrowsAny<InputException>(() => ModelRoster.Load(path));

        Assert.StartsWith(path + ": ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("(model 'groq/llama-3.3-70b-versatile')", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
