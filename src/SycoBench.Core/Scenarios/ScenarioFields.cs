using System.Globalization;
using System.Text.Json;

namespace SycoBench.Scenarios;

/// <summary>Typed reads of a scenario file's fields that fail with the file and the field's path.</summary>
internal sealed class ScenarioFields(string path)
{
    public string Path { get; } = path;

    public ScenarioFormatException Error(string field, string problem) => new(Path, field, problem);

    public JsonElement Object(JsonElement element, string field) =>
        element.ValueKind == JsonValueKind.Object ? element : throw Error(field, $"must be an object, not {Kind(element)}");

    public JsonElement Required(JsonElement parent, string field) => Required(parent, Property(field), field);

    public JsonElement Required(JsonElement parent, string name, string field) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : throw Error(field, "is missing");

    public string String(JsonElement parent, string field) => NonEmptyStringValue(Required(parent, field), field);

    public string? OptionalString(JsonElement parent, string field) =>
        parent.TryGetProperty(Property(field), out var value) && value.ValueKind != JsonValueKind.Null
            ? NonEmptyStringValue(value, field)
            : null;

    public string NonEmptyStringValue(JsonElement element, string field)
    {
        if (element.ValueKind != JsonValueKind.String)
            throw Error(field, $"must be a string, not {Kind(element)}");
        var text = element.GetString()!;
        return text.Trim().Length > 0 ? text : throw Error(field, "must not be empty");
    }

    /// <summary>A name used as a factor key or perspective: no spaces, no braces.</summary>
    public string Name(JsonElement parent, string field) => NameValue(Required(parent, field), field);

    public decimal Number(JsonElement parent, string field) => NumberValue(Required(parent, field), field);

    public decimal NumberValue(JsonElement element, string field)
    {
        if (element.ValueKind != JsonValueKind.Number || !element.TryGetDecimal(out var value))
            throw Error(field, $"must be a number, not {Kind(element)}");
        return value;
    }

    public IReadOnlyList<JsonElement> Array(JsonElement parent, string field, int minCount)
    {
        var element = Required(parent, field);
        if (element.ValueKind != JsonValueKind.Array)
            throw Error(field, $"must be an array, not {Kind(element)}");
        var items = element.EnumerateArray().ToArray();
        if (items.Length < minCount)
            throw Error(field, items.Length == 0 ? "must not be empty" : $"needs at least {minCount} entries");
        return items;
    }

    public IReadOnlyList<string> Names(JsonElement parent, string field) =>
        Array(parent, field, minCount: 1).Select((v, i) => NameValue(v, $"{field}[{i}]")).ToArray();

    public IReadOnlyDictionary<string, string> PerSide(JsonElement parent, string field, IReadOnlyList<string> sides)
    {
        var element = Object(Required(parent, field), field);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!sides.Contains(property.Name))
                throw Error($"{field}.{property.Name}", $"unknown perspective '{property.Name}' (the sides are {string.Join(", ", sides)})");
            result[property.Name] = NonEmptyStringValue(property.Value, $"{field}.{property.Name}");
        }

        foreach (var side in sides)
        {
            if (!result.ContainsKey(side))
                throw Error($"{field}.{side}", "is missing");
        }

        return result;
    }

    public void Distinct(IEnumerable<string> values, string field)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            if (!seen.Add(value))
                throw Error(field, $"'{value}' appears twice");
        }
    }

    /// <summary>Checks that <paramref name="listed"/> holds each expected key exactly once and nothing else.</summary>
    public void SameKeys(IReadOnlyList<string> listed, IEnumerable<string> expected, string field)
    {
        Distinct(listed, field);
        var expectedSet = expected.ToHashSet(StringComparer.Ordinal);
        foreach (var key in listed)
        {
            if (!expectedSet.Contains(key))
                throw Error(field, $"unknown factor '{key}' (the factors are {string.Join(", ", expectedSet)})");
        }

        foreach (var key in expectedSet)
        {
            if (!listed.Contains(key))
                throw Error(field, $"missing factor '{key}'");
        }
    }

    public PromptTemplate Template(string source, string field, IEnumerable<string> variables)
    {
        var template = PromptTemplate.TryParse(source, out var problem) ?? throw Error(field, problem!);
        var allowed = variables.ToArray();
        foreach (var placeholder in template.Placeholders)
        {
            if (!allowed.Contains(placeholder))
                throw Error(field, $"unknown placeholder '{{{placeholder}}}' (available here: {string.Join(", ", allowed.Select(a => "{" + a + "}"))})");
        }

        return template;
    }

    public void RejectUnknown(JsonElement element, string field, params string[] known)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name))
            {
                var at = field.Length == 0 ? property.Name : $"{field}.{property.Name}";
                throw Error(at, $"unknown field (expected one of {string.Join(", ", known)})");
            }
        }
    }

    private string NameValue(JsonElement element, string field)
    {
        var text = NonEmptyStringValue(element, field);
        return text.Any(c => char.IsWhiteSpace(c) || c is '{' or '}' or '"')
            ? throw Error(field, $"'{text}' must not contain spaces, braces or quotes")
            : text;
    }

    private static string Property(string field)
    {
        var dot = field.LastIndexOf('.');
        return dot < 0 ? field : field[(dot + 1)..];
    }

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number " + element.GetRawText(),
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => element.ValueKind.ToString().ToLower(CultureInfo.InvariantCulture),
    };
}
