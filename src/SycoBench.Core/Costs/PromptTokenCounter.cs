using Microsoft.ML.Tokenizers;
using SycoBench.Records;

namespace SycoBench.Costs;

/// <summary>
/// Counts the tokens of a prompt as a model will see it, with OpenAI's tiktoken encodings (shipped as NuGet data
/// packages, loaded once): o200k_base for GPT-4o, GPT-4.1, GPT-5, o-series and gpt-oss models, cl100k_base for
/// GPT-4 and GPT-3.5 — exact for those families. Every other family (Llama, Gemini, Mistral, Command, …) has a
/// tokenizer of its own that SycoBench does not ship; cl100k_base is used as the approximation (on English prose
/// these vocabularies give counts within about 15% of each other). Chat framing adds OpenAI's documented 3 tokens
/// per message and 3 to prime the reply.
/// </summary>
public sealed class PromptTokenCounter
{
    public const int TokensPerMessage = 3;
    public const int ReplyPriming = 3;

    private static readonly string[] O200kFamilies = ["gpt-4o", "gpt-4.1", "gpt-4.5", "gpt-5", "o1", "o3", "o4", "gpt-oss", "chatgpt-4o"];
    private static readonly string[] Cl100kFamilies = ["gpt-4", "gpt-3.5"];

    // Loaded once per process and shared by every counter (a tokenizer is safe to use from several threads): building
    // one parses its whole vocabulary, which costs more than counting a run's prompts.
    private static readonly Lazy<Tokenizer> O200k = new(() => TiktokenTokenizer.CreateForEncoding("o200k_base"));
    private static readonly Lazy<Tokenizer> Cl100k = new(() => TiktokenTokenizer.CreateForEncoding("cl100k_base"));

    private readonly Lazy<Tokenizer> _o200k = O200k;
    private readonly Lazy<Tokenizer> _cl100k = Cl100k;

    /// <summary>The encoding used for a model name and whether it is that model's own (exact) or an approximation.</summary>
    public static (string Encoding, bool Exact) EncodingFor(string modelName)
    {
        ArgumentNullException.ThrowIfNull(modelName);
        var name = modelName[(modelName.LastIndexOf('/') + 1)..].ToLowerInvariant();
        if (O200kFamilies.Any(f => name.StartsWith(f, StringComparison.Ordinal)))
            return ("o200k_base", true);
        if (Cl100kFamilies.Any(f => name.StartsWith(f, StringComparison.Ordinal)))
            return ("cl100k_base", true);
        return ("cl100k_base", false);
    }

    /// <summary>Describes the counting used for a model, for plans and logs.</summary>
    public static string Describe(string modelName)
    {
        var (encoding, exact) = EncodingFor(modelName);
        return exact ? $"{encoding} (the model's own encoding)" : $"{encoding} (approximation: the model's tokenizer is not shipped)";
    }

    public long Count(string modelName, IReadOnlyList<PromptMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return Count(modelName, messages.Select(m => (m.Role, m.Content)));
    }

    /// <summary>Tokens of a conversation given as (role, text) pairs.</summary>
    public long Count(string modelName, IEnumerable<(string Role, string Text)> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var tokenizer = EncodingFor(modelName).Encoding == "o200k_base" ? _o200k.Value : _cl100k.Value;
        long tokens = ReplyPriming;
        foreach (var (role, text) in messages)
            tokens += TokensPerMessage + tokenizer.CountTokens(text) + tokenizer.CountTokens(role);
        return tokens;
    }
}
