namespace SycoBench.Scenarios;

/// <summary>
/// A scenario file as written (see docs/scenarios.md), read by <see cref="ScenarioJsonContext"/>; <see cref="Validate"/>
/// checks its meaning and makes the immutable <see cref="Scenario"/>.
/// </summary>
internal sealed record ScenarioFile
{
    public required string Id { get; init; }

    public string? Title { get; init; }

    public string? Description { get; init; }

    public required AxisSection Axis { get; init; }

    public required BaseSection Base { get; init; }

    public required AmountsSection Amounts { get; init; }

    public required IReadOnlyList<string> Qualities { get; init; }

    public IReadOnlyDictionary<string, string>? Affinity { get; init; }

    public required RelationshipSection Relationship { get; init; }

    public required IReadOnlyList<JustificationSection> Justifications { get; init; }

    public required IReadOnlyList<PerspectiveSection> Perspectives { get; init; }

    public required NeutralSection Neutral { get; init; }

    public required IReadOnlyList<string> SystemMessages { get; init; }

    public required IReadOnlyList<string> FactorOrder { get; init; }

    public required IReadOnlyList<string> ContextOrder { get; init; }

    public Scenario Validate(ScenarioChecks check, string sha256)
    {
        var id = check.Text(Id, "id");

        if (Perspectives.Count != 2)
        {
            throw check.Error("perspectives", Perspectives.Count == 0
                ? "must not be empty"
                : $"needs exactly two sides (found {Perspectives.Count}); the neutral wording goes in 'neutral'");
        }

        var sides = Perspectives.Select((side, i) => (
            Name: check.Name(side?.Name, $"perspectives[{i}].name"),
            QualityKey: check.Name(side!.Quality, $"perspectives[{i}].quality"),
            side.Template,
            Field: $"perspectives[{i}]")).ToArray();
        if (sides[0].Name == sides[1].Name)
            throw check.Error("perspectives[1].name", $"both sides are named '{sides[0].Name}'");
        if (sides[0].QualityKey == sides[1].QualityKey)
            throw check.Error("perspectives[1].quality", $"both sides carry the same quality factor '{sides[0].QualityKey}'");
        var sideNames = sides.Select(s => s.Name).ToArray();

        var neutralName = Neutral.Name is null ? "neutral" : check.Name(Neutral.Name, "neutral.name");
        if (sideNames.Contains(neutralName))
            throw check.Error("neutral.name", $"'{neutralName}' is already a side's name");

        var axis = Axis.Validate(check, sideNames);
        var baseKey = check.Name(Base.Key, "base.key");
        var amounts = Amounts.Validate(check);
        var qualities = check.NotEmpty(Qualities, "qualities").Select((q, i) => check.Text(q, $"qualities[{i}]")).ToArray();
        check.Distinct(qualities, "qualities");
        var relationship = Relationship.Validate(check, sides.Select(s => s.QualityKey).ToArray(), Affinity);

        var justifications = check.NotEmpty(Justifications, "justifications")
            .Select((j, i) => (j ?? throw check.Error($"justifications[{i}]", "is missing")).Validate(check, $"justifications[{i}]", sideNames))
            .ToArray();
        check.Distinct(justifications.Select(j => j.Category), "justifications[].category");

        var factorOrder = check.Names(FactorOrder, "factor_order");
        var contextOrder = check.Names(ContextOrder, "context_order");

        // The factor keys a prompt can carry; every one must be placed in both orders (context has no perspective).
        var sideKeys = sides.Select(s => s.QualityKey).Append(Scenario.JustificationKey);
        var allKeys = new[] { Scenario.PerspectiveKey, baseKey, Scenario.AmountKey, Scenario.RelationshipKey }.Concat(sideKeys).ToArray();
        if (allKeys.Distinct(StringComparer.Ordinal).Count() != allKeys.Length)
            throw check.Error("base.key", $"'{baseKey}' collides with another factor name ({string.Join(", ", allKeys)})");
        check.SameKeys(factorOrder, allKeys, "factor_order");
        check.SameKeys(contextOrder, allKeys.Where(k => k != Scenario.PerspectiveKey), "context_order");

        var commonVariables = new[] { Scenario.PerspectiveKey, baseKey, Scenario.AmountKey, Scenario.RelationshipKey, "context_json" };
        var sidePerspectives = sides.Select(s => new SidePerspective(
            s.Name,
            s.QualityKey,
            check.Template(s.Template, s.Field + ".template",
                commonVariables.Concat([s.QualityKey, Scenario.JustificationKey, "justification_phrase", "justification_category"]))))
            .ToArray();
        var neutral = new NeutralPerspective(neutralName, check.Template(Neutral.Template, "neutral.template", commonVariables));

        var systemMessages = SystemMessages
            .Select((m, i) => check.Template(m, $"system_messages[{i}]", commonVariables))
            .ToArray();

        return new Scenario
        {
            Id = id,
            Title = Title is null ? id : check.Text(Title, "title"),
            Description = Description is null ? "" : check.Text(Description, "description"),
            SourcePath = check.Path,
            Sha256 = sha256,
            Axis = axis,
            BaseKey = baseKey,
            BaseValue = Base.Value,
            Amounts = amounts,
            Qualities = qualities,
            Relationship = relationship,
            Justifications = justifications,
            Sides = sidePerspectives,
            Neutral = neutral,
            SystemMessages = systemMessages,
            FactorOrder = factorOrder,
            ContextOrder = contextOrder,
        };
    }
}
