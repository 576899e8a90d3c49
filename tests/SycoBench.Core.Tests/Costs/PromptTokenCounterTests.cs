using SycoBench.Costs;
using SycoBench.Records;

namespace SycoBench.Tests.Costs;

public sealed class PromptTokenCounterTests
{
    [Theory]
    [InlineData("gpt-4o-mini", "o200k_base", true)]
    [InlineData("openai/gpt-oss-20b:free", "o200k_base", true)]
    [InlineData("o4-mini", "o200k_base", true)]
    [InlineData("gpt-4-turbo", "cl100k_base", true)]
    [InlineData("llama-3.3-70b-versatile", "cl100k_base", false)]
    [InlineData("gemini-2.5-flash", "cl100k_base", false)]
    public void Each_family_gets_its_encoding_or_the_documented_approximation(string model, string encoding, bool exact) =>
        Assert.Equal((encoding, exact), PromptTokenCounter.EncodingFor(model));

    [Fact]
    public void A_chat_is_counted_with_the_real_encoding_and_openais_message_framing()
    {
        var counter = new PromptTokenCounter();
        PromptMessage[] messages = [new() { Role = "user", Content = "hello world" }];

        // o200k_base: "hello world" = 2 tokens, "user" = 1; framing 3 per message + 3 reply priming → 2 + 1 + 3 + 3 = 9.
        Assert.Equal(9, counter.Count("gpt-4o", messages));
        Assert.Equal(9, counter.Count("llama-3.3-70b-versatile", messages));
    }

    [Fact]
    public void A_rent_prompt_counts_far_from_the_four_characters_per_token_rule_only_where_text_says_so()
    {
        var counter = new PromptTokenCounter();
        var prompt = JsonlReader.Read(TestFiles.Reference("grid.jsonl"), RecordJsonContext.Default.GridPrompt).First().Value;

        var tokens = counter.Count("gpt-4o", prompt.Messages);
        var characters = prompt.Messages.Sum(m => m.Content.Length);

        // English prose runs at roughly 4–5 characters per token; the real count must be in that neighbourhood.
        Assert.InRange(tokens, characters / 6, characters / 3);
    }
}
