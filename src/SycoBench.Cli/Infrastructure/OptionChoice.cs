namespace SycoBench.Cli;

/// <summary>
/// An option that takes one of a few words, each naming a value. The words are written once: the settings' check and
/// the command's reading of the option both use them, so the two cannot drift apart.
/// </summary>
internal sealed class OptionChoice<T>(string option, params (string Word, T Value)[] choices)
{
    /// <summary>The check for a settings' <c>Validate</c>: an error naming the words when <paramref name="word"/> is none of them.</summary>
    public ValidationResult Check(string? word) =>
        choices.Any(c => c.Word == word) ? ValidationResult.Success() : ValidationResult.Error($"{option} must be {Words} (got {word})");

    /// <summary>The value a word that passed <see cref="Check"/> names.</summary>
    public T Parse(string word) => choices.First(c => c.Word == word).Value;

    private string Words => choices.Length == 1
        ? choices[0].Word
        : string.Join(", ", choices[..^1].Select(c => c.Word)) + " or " + choices[^1].Word;
}
