using System.Security.Cryptography;
using System.Text.Json;

namespace SycoBench.Scenarios;

/// <summary>
/// Reads and validates a scenario file. Every problem is reported as a <see cref="ScenarioFormatException"/> that
/// names the file and the field, before any prompt is built.
/// </summary>
public static class ScenarioLoader
{
    public static Scenario Load(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioFormatException(path, "", $"cannot read the file ({ex.Message})");
        }

        return Parse(bytes, path);
    }

    public static Scenario Parse(byte[] utf8Json, string displayPath)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException ex)
        {
            var line = ex.LineNumber is { } l ? $" at line {l + 1}" : "";
            throw new ScenarioFormatException(displayPath, "", $"not valid JSON{line}: {FirstSentence(ex.Message)}");
        }

        using (document)
        {
            var reader = new ScenarioFields(displayPath);
            var root = reader.Object(document.RootElement, "");
            return Build(reader, root, Convert.ToHexStringLower(SHA256.HashData(utf8Json)));
        }
    }

    private static Scenario Build(ScenarioFields f, JsonElement root, string sha256)
    {
        f.RejectUnknown(root, "", "id", "title", "description", "axis", "base", "amounts", "qualities", "affinity",
            "relationship", "justifications", "perspectives", "neutral", "system_messages", "factor_order", "context_order");

        var id = f.String(root, "id");
        var title = f.OptionalString(root, "title") ?? id;
        var description = f.OptionalString(root, "description") ?? "";

        var sidesElement = f.Array(root, "perspectives", minCount: 2);
        if (sidesElement.Count != 2)
            throw f.Error("perspectives", $"needs exactly two sides (found {sidesElement.Count}); the neutral wording goes in 'neutral'");
        var sides = new List<(string Name, string QualityKey, string Template, string Field)>();
        for (var i = 0; i < sidesElement.Count; i++)
        {
            var field = $"perspectives[{i}]";
            var side = f.Object(sidesElement[i], field);
            f.RejectUnknown(side, field, "name", "quality", "template");
            sides.Add((f.Name(side, field + ".name"), f.Name(side, field + ".quality"), f.String(side, field + ".template"), field));
        }

        if (sides[0].Name == sides[1].Name)
            throw f.Error("perspectives[1].name", $"both sides are named '{sides[0].Name}'");
        if (sides[0].QualityKey == sides[1].QualityKey)
            throw f.Error("perspectives[1].quality", $"both sides carry the same quality factor '{sides[0].QualityKey}'");
        var sideNames = sides.Select(s => s.Name).ToArray();

        var neutralElement = f.Object(f.Required(root, "neutral"), "neutral");
        f.RejectUnknown(neutralElement, "neutral", "name", "template");
        var neutralName = f.OptionalString(neutralElement, "neutral.name") ?? "neutral";
        if (sideNames.Contains(neutralName))
            throw f.Error("neutral.name", $"'{neutralName}' is already a side's name");

        var axisElement = f.Object(f.Required(root, "axis"), "axis");
        f.RejectUnknown(axisElement, "axis", "positive", "negative", "positive_label", "negative_label");
        var positive = f.String(axisElement, "axis.positive");
        var negative = f.String(axisElement, "axis.negative");
        if (!sideNames.Contains(positive))
            throw f.Error("axis.positive", $"unknown perspective '{positive}' (the sides are {string.Join(", ", sideNames)})");
        if (!sideNames.Contains(negative))
            throw f.Error("axis.negative", $"unknown perspective '{negative}' (the sides are {string.Join(", ", sideNames)})");
        if (positive == negative)
            throw f.Error("axis.negative", "must be the other side than axis.positive");
        var axis = new ScenarioAxis(positive, negative,
            f.OptionalString(axisElement, "axis.positive_label") ?? "pro-" + positive,
            f.OptionalString(axisElement, "axis.negative_label") ?? "pro-" + negative);

        var baseElement = f.Object(f.Required(root, "base"), "base");
        f.RejectUnknown(baseElement, "base", "key", "value");
        var baseKey = f.Name(baseElement, "base.key");
        var baseValue = f.Number(baseElement, "base.value");

        var amountsElement = f.Object(f.Required(root, "amounts"), "amounts");
        f.RejectUnknown(amountsElement, "amounts", "key", "values");
        if (f.OptionalString(amountsElement, "amounts.key") is { } amountKey && amountKey != Scenario.AmountKey)
            throw f.Error("amounts.key", $"must be '{Scenario.AmountKey}' (reports group scenarios by it)");
        var amountValues = f.Array(amountsElement, "amounts.values", minCount: 1);
        var amounts = amountValues.Select((v, i) => f.NumberValue(v, $"amounts.values[{i}]")).ToArray();
        f.Distinct(amounts.Select(a => a.ToString(System.Globalization.CultureInfo.InvariantCulture)), "amounts.values");

        var qualitiesElement = f.Array(root, "qualities", minCount: 1);
        var qualities = qualitiesElement.Select((v, i) => f.NonEmptyStringValue(v, $"qualities[{i}]")).ToArray();
        f.Distinct(qualities, "qualities");

        var relationship = ReadRelationship(f, root, sides.Select(s => s.QualityKey).ToArray());

        var justificationsElement = f.Array(root, "justifications", minCount: 1);
        var justifications = new List<Justification>();
        for (var i = 0; i < justificationsElement.Count; i++)
        {
            var field = $"justifications[{i}]";
            var item = f.Object(justificationsElement[i], field);
            f.RejectUnknown(item, field, "category", "codes", "phrases");
            var category = f.Name(item, field + ".category");
            justifications.Add(new Justification(
                category,
                f.PerSide(item, field + ".codes", sideNames),
                f.PerSide(item, field + ".phrases", sideNames)));
        }

        f.Distinct(justifications.Select(j => j.Category), "justifications[].category");

        var factorOrder = f.Names(root, "factor_order");
        var contextOrder = f.Names(root, "context_order");

        // The factor keys a prompt can carry; every one must be placed in both orders (context has no perspective).
        var sideKeys = sides.Select(s => s.QualityKey).Append(Scenario.JustificationKey);
        var allKeys = new[] { Scenario.PerspectiveKey, baseKey, Scenario.AmountKey, Scenario.RelationshipKey }.Concat(sideKeys).ToArray();
        if (allKeys.Distinct(StringComparer.Ordinal).Count() != allKeys.Length)
            throw f.Error("base.key", $"'{baseKey}' collides with another factor name ({string.Join(", ", allKeys)})");
        f.SameKeys(factorOrder, allKeys, "factor_order");
        f.SameKeys(contextOrder, allKeys.Where(k => k != Scenario.PerspectiveKey), "context_order");

        var commonVariables = new[] { Scenario.PerspectiveKey, baseKey, Scenario.AmountKey, Scenario.RelationshipKey, "context_json" };
        var sidePerspectives = sides.Select(s => new SidePerspective(
            s.Name,
            s.QualityKey,
            f.Template(s.Template, s.Field + ".template",
                commonVariables.Concat([s.QualityKey, Scenario.JustificationKey, "justification_phrase", "justification_category"]))))
            .ToArray();
        var neutral = new NeutralPerspective(
            neutralName,
            f.Template(f.String(neutralElement, "neutral.template"), "neutral.template", commonVariables));

        var systemElement = f.Array(root, "system_messages", minCount: 0);
        var systemMessages = systemElement
            .Select((v, i) => f.Template(f.NonEmptyStringValue(v, $"system_messages[{i}]"), $"system_messages[{i}]", commonVariables))
            .ToArray();

        return new Scenario
        {
            Id = id,
            Title = title,
            Description = description,
            SourcePath = f.Path,
            Sha256 = sha256,
            Axis = axis,
            BaseKey = baseKey,
            BaseValue = baseValue,
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

    private static RelationshipRule ReadRelationship(ScenarioFields f, JsonElement root, IReadOnlyList<string> qualityKeys)
    {
        var element = f.Object(f.Required(root, "relationship"), "relationship");
        f.RejectUnknown(element, "relationship", "key", "rows", "columns", "table");
        if (f.OptionalString(element, "relationship.key") is { } key && key != Scenario.RelationshipKey)
            throw f.Error("relationship.key", $"must be '{Scenario.RelationshipKey}' (reports group scenarios by it)");
        var rows = f.String(element, "relationship.rows");
        var columns = f.String(element, "relationship.columns");
        if (!qualityKeys.Contains(rows))
            throw f.Error("relationship.rows", $"'{rows}' is not a side's quality factor ({string.Join(", ", qualityKeys)})");
        if (!qualityKeys.Contains(columns) || columns == rows)
            throw f.Error("relationship.columns", $"'{columns}' must be the other side's quality factor");

        var affinity = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root.TryGetProperty("affinity", out var affinityElement))
        {
            foreach (var property in f.Object(affinityElement, "affinity").EnumerateObject())
            {
                var value = f.NonEmptyStringValue(property.Value, $"affinity.{property.Name}");
                if (!RelationshipRule.Affinities.Contains(value))
                    throw f.Error($"affinity.{property.Name}", $"'{value}' is not one of pos, neu, neg");
                affinity[property.Name.Trim().ToLowerInvariant()] = value;
            }
        }

        var tableElement = f.Object(f.Required(element, "table"), "relationship.table");
        var table = new Dictionary<(string, string), string>();
        foreach (var row in RelationshipRule.Affinities)
        {
            var rowElement = f.Object(f.Required(tableElement, row, "relationship.table." + row), "relationship.table." + row);
            foreach (var column in RelationshipRule.Affinities)
            {
                var field = $"relationship.table.{row}.{column}";
                table[(row, column)] = f.NonEmptyStringValue(f.Required(rowElement, column, field), field);
            }
        }

        return new RelationshipRule(rows, columns, affinity, table);
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd(' ', '|', '.');
    }
}
