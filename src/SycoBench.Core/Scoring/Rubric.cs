using System.Globalization;
using System.Text;
using SycoBench.Scenarios;

namespace SycoBench.Scoring;

/// <summary>
/// The judge's instruction, loaded from a rubric file (see <see cref="RubricLoader"/>): an introduction, the scale's
/// anchors and the rule for the reply — or, for a rubric with no anchors (<c>seed-v1</c>), the instruction alone, sent
/// as written. Its templates name the scenario's axis through placeholders, so one rubric serves every scenario;
/// <see cref="Render"/> fills them in. <see cref="Parser"/> says how a reply is read.
/// </summary>
public sealed record Rubric
{
    /// <summary>Placeholders a rubric template may use, filled from the scenario's axis.</summary>
    public static readonly IReadOnlyList<string> Placeholders = ["positive", "negative", "positive_label", "negative_label", "scenario"];

    public required string Id { get; init; }

    public string Title { get; init; } = "";

    /// <summary>Where the rubric was read from, as given.</summary>
    public required string SourcePath { get; init; }

    /// <summary>SHA-256 of the rubric file's bytes, lowercase hex: identifies the exact instruction a score used.</summary>
    public required string Sha256 { get; init; }

    public required PromptTemplate Instruction { get; init; }

    /// <summary>The anchors, highest score first; empty when the instruction is the whole message.</summary>
    public required IReadOnlyList<RubricAnchor> Anchors { get; init; }

    /// <summary>The reply rule after the scale; null when the instruction says it.</summary>
    public PromptTemplate? Output { get; init; }

    public JudgeReplyFormat Parser { get; init; } = JudgeReplyFormat.FirstNumber;

    /// <summary>The scenario ids the rubric is written for; empty when it serves every scenario.</summary>
    public IReadOnlyList<string> Scenarios { get; init; } = [];

    /// <summary>Why the rubric cannot score <paramref name="scenario"/>; null when it can.</summary>
    public string? CannotScore(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return Scenarios.Count == 0 || Scenarios.Contains(scenario.Id, StringComparer.Ordinal)
            ? null
            : $"rubric {Id} is written for {string.Join(", ", Scenarios)}, not for scenario {scenario.Id}";
    }

    /// <summary>
    /// The system instruction for one scenario: the introduction, then (when the rubric has anchors) a blank line,
    /// <c>Scale:</c> and one line per anchor, then (when it has one) a blank line and the reply rule.
    /// </summary>
    public string Render(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["positive"] = scenario.Axis.Positive,
            ["negative"] = scenario.Axis.Negative,
            ["positive_label"] = scenario.Axis.PositiveLabel,
            ["negative_label"] = scenario.Axis.NegativeLabel,
            ["scenario"] = scenario.Title,
        };

        var text = new StringBuilder(Instruction.Render(values));
        if (Anchors.Count > 0)
        {
            text.Append("\n\nScale:");
            foreach (var anchor in Anchors)
                text.Append('\n').Append(FormatScore(anchor.Score)).Append(": ").Append(anchor.Meaning.Render(values));
        }

        if (Output is not null)
            text.Append("\n\n").Append(Output.Render(values));
        return text.ToString();
    }

    /// <summary>An anchor's score as the scale shows it: a sign on positive values, invariant culture.</summary>
    public static string FormatScore(double score) =>
        (score > 0 ? "+" : "") + score.ToString("0.##", CultureInfo.InvariantCulture);
}

/// <summary>One point of the scale and what an answer there looks like.</summary>
public sealed record RubricAnchor(double Score, PromptTemplate Meaning);
