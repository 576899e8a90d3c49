namespace SycoBench.Scenarios;

/// <summary>
/// A scenario file as written (see docs/scenarios.md), read by <see cref="DataFileJsonContext"/>; <see cref="Validate"/>
/// checks its meaning and makes the immutable <see cref="Scenario"/>.
/// </summary>
public sealed record ScenarioFile
{
    private const string ContextVariable = "context_json";

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

    /// <summary>quality factor → level → asker → phrase.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>>? QualityPhrases { get; init; }

    public required IReadOnlyList<PerspectiveSection> Perspectives { get; init; }

    public required NeutralSection Neutral { get; init; }

    public IReadOnlyList<ParaphraseSection>? Paraphrases { get; init; }

    public required IReadOnlyList<string> SystemMessages { get; init; }

    public required IReadOnlyList<string> FactorOrder { get; init; }

    public IReadOnlyList<string>? ContextOrder { get; init; }

    internal Scenario Validate(ScenarioChecks check, string sha256)
    {
        var id = check.Text(Id, "id");
        var sides = ValidateSides(check);
        var sideNames = sides.Select(s => s.Name).ToArray();
        var qualityKeys = sides.Select(s => s.QualityKey).ToArray();

        var neutralName = Neutral.Name is null ? "neutral" : check.Name(Neutral.Name, "neutral.name");
        if (sideNames.Contains(neutralName))
            throw check.Error("neutral.name", $"'{neutralName}' is already a side's name");
        string[] voices = [.. sideNames, neutralName];

        var axis = Axis.Validate(check, sideNames);
        var baseKey = check.Name(Base.Key, "base.key");
        var amounts = Amounts.Validate(check);
        var qualities = check.NotEmpty(Qualities, "qualities").Select((q, i) => check.Text(q, $"qualities[{i}]")).ToArray();
        check.Distinct(qualities, "qualities");
        var relationship = Relationship.Validate(check, qualityKeys, Affinity);

        // The neutral prompt states the justification when the justifications give it a code and a phrase too.
        check.NotEmpty(Justifications, "justifications");
        var neutralJustified = Justifications[0]?.Codes?.ContainsKey(neutralName) == true;
        var justifications = Justifications
            .Select((j, i) => (j ?? throw check.Error($"justifications[{i}]", "is missing")).Validate(check, $"justifications[{i}]", neutralJustified ? voices : sideNames))
            .ToArray();
        check.Distinct(justifications.Select(j => j.Category), "justifications[].category");

        var qualityPhrases = ValidateQualityPhrases(check, qualityKeys, qualities, voices);

        // The factor keys a prompt can carry; every one must be placed in factor_order, all but perspective and paraphrase in context_order.
        var paraphrased = Paraphrases is not null;
        var factorKeys = new[] { Scenario.PerspectiveKey, baseKey, Scenario.AmountKey, Scenario.RelationshipKey, Scenario.JustificationKey }
            .Concat(qualityKeys).Concat(paraphrased ? [Scenario.ParaphraseKey] : []).ToArray();
        if (factorKeys.Distinct(StringComparer.Ordinal).Count() != factorKeys.Length)
            throw check.Error("base.key", $"'{baseKey}' collides with another factor name ({string.Join(", ", factorKeys)})");
        var factorOrder = check.Names(FactorOrder, "factor_order");
        check.SameKeys(factorOrder, factorKeys, "factor_order");

        // The placeholders each asker's template may use: what its prompt carries.
        var common = new[] { Scenario.PerspectiveKey, baseKey, Scenario.AmountKey, Scenario.RelationshipKey, ContextVariable }
            .Concat(paraphrased ? [Scenario.QuestionVariable] : []).ToArray();
        var variables = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var voice in voices)
        {
            var isSide = voice != neutralName;
            var carried = qualityPhrases is not null ? qualityKeys : isSide ? [sides.Single(s => s.Name == voice).QualityKey] : [];
            variables[voice] =
            [
                .. common,
                .. carried,
                .. qualityPhrases is not null ? carried.Select(k => k + Scenario.PhraseSuffix) : [],
                .. isSide || neutralJustified ? [Scenario.JustificationKey, "justification_phrase", "justification_category"] : Array.Empty<string>(),
            ];
        }

        var wordings = ValidateWordings(check, sides, neutralName, variables);
        var systemMessages = SystemMessages
            .Select((m, i) => check.Template(m, $"system_messages[{i}]", common))
            .ToArray();

        IReadOnlyList<string> contextOrder = [];
        var usesContext = systemMessages.Concat(wordings.SelectMany(w => w.Templates.Values)).Any(t => t.Placeholders.Contains(ContextVariable));
        if (ContextOrder is not null)
        {
            contextOrder = check.Names(ContextOrder, "context_order");
            check.SameKeys(contextOrder, factorKeys.Where(k => k is not Scenario.PerspectiveKey and not Scenario.ParaphraseKey), "context_order");
        }
        else if (usesContext)
        {
            throw check.Error("context_order", $"is missing (a template uses {{{ContextVariable}}}, whose key order it gives)");
        }

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
            Sides = sides.Select(s => new SidePerspective(s.Name, s.QualityKey)).ToArray(),
            Neutral = new NeutralPerspective(neutralName),
            Wordings = wordings,
            QualityPhrases = qualityPhrases,
            NeutralCarriesJustification = neutralJustified,
            SystemMessages = systemMessages,
            FactorOrder = factorOrder,
            ContextOrder = contextOrder,
        };
    }

    private (string Name, string QualityKey, string? Template)[] ValidateSides(ScenarioChecks check)
    {
        if (Perspectives.Count != 2)
        {
            throw check.Error("perspectives", Perspectives.Count == 0
                ? "must not be empty"
                : $"needs exactly two sides (found {Perspectives.Count}); the neutral wording goes in 'neutral'");
        }

        var sides = Perspectives.Select((side, i) => (
            Name: check.Name((side ?? throw check.Error($"perspectives[{i}]", "is missing")).Name, $"perspectives[{i}].name"),
            QualityKey: check.Name(side.Quality, $"perspectives[{i}].quality"),
            side.Template)).ToArray();
        if (sides[0].Name == sides[1].Name)
            throw check.Error("perspectives[1].name", $"both sides are named '{sides[0].Name}'");
        if (sides[0].QualityKey == sides[1].QualityKey)
            throw check.Error("perspectives[1].quality", $"both sides carry the same quality factor '{sides[0].QualityKey}'");
        return sides;
    }

    /// <summary>One wording per paraphrase, or the single wording of the perspectives' own templates.</summary>
    private List<ScenarioWording> ValidateWordings(
        ScenarioChecks check, (string Name, string QualityKey, string? Template)[] sides, string neutralName, Dictionary<string, string[]> variables)
    {
        if (Paraphrases is null)
        {
            var templates = new Dictionary<string, PromptTemplate>(StringComparer.Ordinal);
            for (var i = 0; i < sides.Length; i++)
                templates[sides[i].Name] = check.Template(sides[i].Template, $"perspectives[{i}].template", variables[sides[i].Name]);
            templates[neutralName] = check.Template(Neutral.Template, "neutral.template", variables[neutralName]);
            return [new ScenarioWording(null, null, templates)];
        }

        for (var i = 0; i < sides.Length; i++)
        {
            if (sides[i].Template is not null)
                throw check.Error($"perspectives[{i}].template", "cannot be given with 'paraphrases', which word every prompt");
        }

        if (Neutral.Template is not null)
            throw check.Error("neutral.template", "cannot be given with 'paraphrases', which word every prompt");

        var sideNames = sides.Select(s => s.Name).ToArray();
        var wordings = check.NotEmpty(Paraphrases, "paraphrases")
            .Select((p, i) => (p ?? throw check.Error($"paraphrases[{i}]", "is missing")).Validate(check, i, variables, sideNames))
            .ToList();

        // Two equal paraphrases would count one wording twice.
        foreach (var voice in variables.Keys)
        {
            var first = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var wording in wordings)
            {
                if (!first.TryAdd(wording.Templates[voice].Source, wording.Paraphrase!.Value))
                    throw check.Error($"paraphrases[{wording.Paraphrase}].templates.{voice}", $"is the same as paraphrases[{first[wording.Templates[voice].Source]}].templates.{voice}");
            }
        }

        return wordings;
    }

    private Dictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>>? ValidateQualityPhrases(
        ScenarioChecks check, string[] qualityKeys, string[] qualities, string[] voices)
    {
        if (QualityPhrases is null)
            return null;
        var result = new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>>(StringComparer.Ordinal);
        foreach (var key in QualityPhrases.Keys.Where(k => !qualityKeys.Contains(k)))
            throw check.Error($"quality_phrases.{key}", $"unknown quality factor (the sides' are {string.Join(", ", qualityKeys)})");
        foreach (var key in qualityKeys)
        {
            var levels = QualityPhrases.GetValueOrDefault(key) ?? throw check.Error($"quality_phrases.{key}", "is missing");
            foreach (var level in levels.Keys.Where(l => !qualities.Contains(l)))
                throw check.Error($"quality_phrases.{key}.{level}", $"unknown quality (the qualities are {string.Join(", ", qualities)})");
            var byLevel = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
            foreach (var level in qualities)
            {
                var field = $"quality_phrases.{key}.{level}";
                byLevel[level] = check.PerSide(levels.GetValueOrDefault(level) ?? throw check.Error(field, "is missing"), field, voices);
            }

            result[key] = byLevel;
        }

        return result;
    }
}
