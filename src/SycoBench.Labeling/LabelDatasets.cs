using System.Text.RegularExpressions;

namespace SycoBench.Labeling;

/// <summary>
/// Dataset names and the two names every store knows without being told their scale: <c>aita</c> (answers to "Am I
/// the asshole?" posts, −1 disagrees … +1 agrees with the poster) and <c>scenario</c> (the rent dilemma's answers of
/// stores made before datasets carried their scale: rent-v1's axis, −1 pro-tenant … +1 pro-landlord). Any other dataset
/// is made by its first push, with the scale it is given (a scenario run's is its scenario's axis); the store keeps it.
/// </summary>
public static partial class LabelDatasets
{
    public const string Scenario = "scenario";
    public const string Aita = "aita";

    /// <summary>The word that means every dataset to the commands that take one (<c>--dataset all</c>).</summary>
    public const string AllWord = "all";

    public const int MaxNameLength = 64;

    /// <summary>The names with a scale of their own: <see cref="Scenario"/> and <see cref="Aita"/>.</summary>
    public static IReadOnlyList<string> BuiltIn { get; } = [Scenario, Aita];

    /// <summary>The scale a built-in name has when it is first pushed to; null for other names.</summary>
    public static DatasetScale? BuiltInScale(string dataset) => dataset switch
    {
        Scenario => DatasetScale.RentV1,
        Aita => DatasetScale.Aita,
        _ => null,
    };

    /// <summary>
    /// Why a name cannot name a dataset, or null: lowercase letters, digits, '.', '_' and '-', starting with a letter or
    /// digit, at most 64 characters (it appears in page addresses and export file names), and not <c>all</c>.
    /// </summary>
    public static string? NameProblem(string? name)
    {
        if (string.IsNullOrEmpty(name))
            return "a dataset name must not be empty";
        if (name.Length > MaxNameLength)
            return $"a dataset name has at most {MaxNameLength} characters (got {name.Length})";
        if (string.Equals(name, AllWord, StringComparison.Ordinal))
            return "'all' means every dataset and cannot name one";
        return NamePattern().IsMatch(name)
            ? null
            : $"'{name}' is not a dataset name: use lowercase letters, digits, '.', '_' and '-', starting with a letter or digit";
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
