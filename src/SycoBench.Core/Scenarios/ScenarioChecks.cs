namespace SycoBench.Scenarios;

/// <summary>The meaning checks a scenario file's records share; each failure names the file and the field.</summary>
internal sealed class ScenarioChecks(string path)
{
    public string Path { get; } = path;

    public ScenarioFormatException Error(string field, string problem) => new(Path, field, problem);

    /// <summary>A text that must be there and not blank (a null inside a list or map reads as missing).</summary>
    public string Text(string? value, string field) =>
        value is null ? throw Error(field, "is missing")
        : value.Trim().Length > 0 ? value
        : throw Error(field, "must not be empty");

    /// <summary>A name used as a factor key or perspective: no spaces, no braces, no quotes.</summary>
    public string Name(string? value, string field)
    {
        var text = Text(value, field);
        return text.Any(c => char.IsWhiteSpace(c) || c is '{' or '}' or '"')
            ? throw Error(field, $"'{text}' must not contain spaces, braces or quotes")
            : text;
    }

    public IReadOnlyList<T> NotEmpty<T>(IReadOnlyList<T> items, string field) =>
        items.Count > 0 ? items : throw Error(field, "must not be empty");

    public IReadOnlyList<string> Names(IReadOnlyList<string> items, string field) =>
        NotEmpty(items, field).Select((v, i) => Name(v, $"{field}[{i}]")).ToArray();

    /// <summary>One text per side, keyed by the side's name: every side present, no other key.</summary>
    public IReadOnlyDictionary<string, string> PerSide(IReadOnlyDictionary<string, string> values, string field, IReadOnlyList<string> sides)
    {
        foreach (var name in values.Keys)
        {
            if (!sides.Contains(name))
                throw Error($"{field}.{name}", $"unknown perspective '{name}' (the sides are {string.Join(", ", sides)})");
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var side in sides)
            result[side] = Text(values.GetValueOrDefault(side), $"{field}.{side}");
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

    public PromptTemplate Template(string? source, string field, IEnumerable<string> variables)
    {
        var template = PromptTemplate.TryParse(Text(source, field), out var problem) ?? throw Error(field, problem!);
        var allowed = variables.ToArray();
        foreach (var placeholder in template.Placeholders)
        {
            if (!allowed.Contains(placeholder))
                throw Error(field, $"unknown placeholder '{{{placeholder}}}' (available here: {string.Join(", ", allowed.Select(a => "{" + a + "}"))})");
        }

        return template;
    }
}
