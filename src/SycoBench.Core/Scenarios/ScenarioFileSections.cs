using System.Globalization;

namespace SycoBench.Scenarios;

/// <summary><c>axis</c>: which side +1 and -1 favour.</summary>
public sealed record AxisSection
{
    public required string Positive { get; init; }

    public required string Negative { get; init; }

    public string? PositiveLabel { get; init; }

    public string? NegativeLabel { get; init; }

    internal ScenarioAxis Validate(ScenarioChecks check, IReadOnlyList<string> sides)
    {
        var positive = check.Text(Positive, "axis.positive");
        var negative = check.Text(Negative, "axis.negative");
        if (!sides.Contains(positive))
            throw check.Error("axis.positive", $"unknown perspective '{positive}' (the sides are {string.Join(", ", sides)})");
        if (!sides.Contains(negative))
            throw check.Error("axis.negative", $"unknown perspective '{negative}' (the sides are {string.Join(", ", sides)})");
        if (positive == negative)
            throw check.Error("axis.negative", "must be the other side than axis.positive");
        return new ScenarioAxis(
            positive,
            negative,
            PositiveLabel is null ? "pro-" + positive : check.Text(PositiveLabel, "axis.positive_label"),
            NegativeLabel is null ? "pro-" + negative : check.Text(NegativeLabel, "axis.negative_label"));
    }
}

/// <summary><c>base</c>: the factor holding the current value (rent, salary …) and that value.</summary>
public sealed record BaseSection
{
    public required string Key { get; init; }

    public required decimal Value { get; init; }
}

/// <summary><c>amounts</c>: the proposed changes.</summary>
public sealed record AmountsSection
{
    public string? Key { get; init; }

    public required IReadOnlyList<decimal> Values { get; init; }

    internal IReadOnlyList<decimal> Validate(ScenarioChecks check)
    {
        if (Key is not null && Key != Scenario.AmountKey)
            throw check.Error("amounts.key", $"must be '{Scenario.AmountKey}' (reports group scenarios by it)");
        check.NotEmpty(Values, "amounts.values");
        check.Distinct(Values.Select(a => a.ToString(CultureInfo.InvariantCulture)), "amounts.values");
        return Values;
    }
}

/// <summary><c>relationship</c>: how the two sides' qualities make the shared relationship level.</summary>
public sealed record RelationshipSection
{
    public string? Key { get; init; }

    public required string Rows { get; init; }

    public required string Columns { get; init; }

    public required AffinityTable Table { get; init; }

    internal RelationshipRule Validate(ScenarioChecks check, IReadOnlyList<string> qualityKeys, IReadOnlyDictionary<string, string>? affinity)
    {
        if (Key is not null && Key != Scenario.RelationshipKey)
            throw check.Error("relationship.key", $"must be '{Scenario.RelationshipKey}' (reports group scenarios by it)");
        var rows = check.Text(Rows, "relationship.rows");
        var columns = check.Text(Columns, "relationship.columns");
        if (!qualityKeys.Contains(rows))
            throw check.Error("relationship.rows", $"'{rows}' is not a side's quality factor ({string.Join(", ", qualityKeys)})");
        if (!qualityKeys.Contains(columns) || columns == rows)
            throw check.Error("relationship.columns", $"'{columns}' must be the other side's quality factor");

        var affinities = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (quality, value) in affinity ?? new Dictionary<string, string>())
        {
            var field = $"affinity.{quality}";
            if (!RelationshipRule.Affinities.Contains(check.Text(value, field)))
                throw check.Error(field, $"'{value}' is not one of pos, neu, neg");
            affinities[quality.Trim().ToLowerInvariant()] = value;
        }

        var table = new Dictionary<(string, string), string>();
        foreach (var (rowName, row) in Table.Rows())
        {
            foreach (var (columnName, level) in row.Cells())
                table[(rowName, columnName)] = check.Text(level, $"relationship.table.{rowName}.{columnName}");
        }

        return new RelationshipRule(rows, columns, affinities, table);
    }
}

/// <summary><c>relationship.table</c>: one row per affinity of the row quality.</summary>
public sealed record AffinityTable
{
    public required AffinityRow Pos { get; init; }

    public required AffinityRow Neu { get; init; }

    public required AffinityRow Neg { get; init; }

    internal IEnumerable<(string, AffinityRow)> Rows() => [("pos", Pos), ("neu", Neu), ("neg", Neg)];
}

/// <summary>A row of <c>relationship.table</c>: the relationship level for each affinity of the column quality.</summary>
public sealed record AffinityRow
{
    public required string Pos { get; init; }

    public required string Neu { get; init; }

    public required string Neg { get; init; }

    internal IEnumerable<(string, string)> Cells() => [("pos", Pos), ("neu", Neu), ("neg", Neg)];
}

/// <summary>A <c>justifications</c> entry: a category and, per asker, the code recorded and the phrase used.</summary>
public sealed record JustificationSection
{
    public required string Category { get; init; }

    public required IReadOnlyDictionary<string, string> Codes { get; init; }

    public required IReadOnlyDictionary<string, string> Phrases { get; init; }

    /// <param name="voices">The askers whose prompts state the justification: the two sides, and the neutral when it does too.</param>
    internal Justification Validate(ScenarioChecks check, string field, IReadOnlyList<string> voices) =>
        new(check.Name(Category, field + ".category"), check.PerSide(Codes, field + ".codes", voices), check.PerSide(Phrases, field + ".phrases", voices));
}

/// <summary>A <c>perspectives</c> entry: a side's name, the quality factor its prompt carries and, without paraphrases, its wording.</summary>
public sealed record PerspectiveSection
{
    public required string Name { get; init; }

    public required string Quality { get; init; }

    public string? Template { get; init; }
}

/// <summary><c>neutral</c>: the neutral asker's name and, without paraphrases, its wording.</summary>
public sealed record NeutralSection
{
    public string? Name { get; init; }

    public string? Template { get; init; }
}

/// <summary>A <c>paraphrases</c> entry: the question both sides end with and one template per asker.</summary>
public sealed record ParaphraseSection
{
    public required string Question { get; init; }

    public required IReadOnlyDictionary<string, string> Templates { get; init; }

    /// <param name="variables">The placeholders each asker's template may use, by asker name (sides first, then the neutral).</param>
    internal ScenarioWording Validate(ScenarioChecks check, int index, IReadOnlyDictionary<string, string[]> variables, IReadOnlyList<string> sides)
    {
        var field = $"paraphrases[{index}]";
        var question = check.Text(Question, field + ".question");
        var texts = check.PerSide(Templates, field + ".templates", variables.Keys.ToArray());
        var templates = new Dictionary<string, PromptTemplate>(StringComparer.Ordinal);
        foreach (var (voice, allowed) in variables)
        {
            var at = $"{field}.templates.{voice}";
            var template = check.Template(texts[voice], at, allowed);
            if (sides.Contains(voice) && !template.Source.TrimEnd().EndsWith("{" + Scenario.QuestionVariable + "}", StringComparison.Ordinal))
                throw check.Error(at, $"must end with {{{Scenario.QuestionVariable}}}, so that both sides of a triplet ask the same question");
            templates[voice] = template;
        }

        return new ScenarioWording(index, question, templates);
    }
}
