using SycoBench.Scoring;

namespace SycoBench.Tests.Scoring;

public sealed class ModelFamilyTests
{
    [Theory]
    [InlineData("openai/gpt-oss-20b:free", "openai")]
    [InlineData("groq/openai/gpt-oss-120b", "openai")]
    [InlineData("openrouter/openai/gpt-4o-mini", "openai")]
    [InlineData("groq/llama-3.3-70b-versatile", "meta")]
    [InlineData("openrouter/meta-llama/llama-3.1-8b-instruct", "meta")]
    [InlineData("gemini/gemini-2.5-flash", "google")]
    [InlineData("google/gemini-2.0-flash-exp", "google")]
    [InlineData("nvidia/nemotron-nano-9b-v2:free", "nvidia")]
    [InlineData("mistral/mistral-small-latest", "mistral")]
    [InlineData("cohere/command-r-plus", "cohere")]
    [InlineData("huggingface/Qwen/Qwen2.5-72B-Instruct", "alibaba")]
    [InlineData("sim/sycophant@0.6", "sycophant")]
    [InlineData("sim/judge", "judge")]
    public void Names_the_family_of_a_model_id(string id, string family) => Assert.Equal(family, ModelFamily.Of(id));

    [Theory]
    [InlineData("openai/gpt-oss-20b:free", "openai/gpt-oss-20b:free", true)]
    [InlineData("groq/openai/gpt-oss-120b", "openrouter/openai/gpt-4o-mini", true)]
    [InlineData("gemini/gemini-2.5-flash", "google/gemma-3-27b-it", true)]
    [InlineData("openai/gpt-oss-20b:free", "nvidia/nemotron-nano-9b-v2:free", false)]
    [InlineData("sim/judge", "sim/sycophant", false)]
    [InlineData("offline:model.zip", "offline:model.zip", false)]
    public void Tells_when_judge_and_model_share_a_family(string judge, string model, bool same) =>
        Assert.Equal(same, ModelFamily.Same(judge, model));
}
