using System.Security.Cryptography;
using System.Text.Json;
using SycoBench.Scenarios;

namespace SycoBench.Scoring;

/// <summary>
/// Reads and validates a rubric file; every problem is a <see cref="RubricFormatException"/> naming the file and the
/// field, found before any judge is asked.
/// </summary>
public static class RubricLoader
{
    private static readonly string[] KnownFields = ["id", "title", "description", "instruction", "anchors", "output"];

    public static Rubric Load(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new RubricFormatException(path, "", $"cannot read the file ({ex.Message})");
        }

        return Parse(bytes, path);
    }

    public static Rubric Parse(byte[] utf8Json, string displayPath)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json);
        }
        catch (JsonException ex)
        {
            var line = ex.LineNumber is { } l ? $" at line {l + 1}" : "";
            throw new RubricFormatException(displayPath, "", $"not valid JSON{line}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new RubricFormatException(displayPath, "", "must be a JSON object");
            foreach (var property in root.EnumerateObject())
            {
                if (!KnownFields.Contains(property.Name, StringComparer.Ordinal))
                    throw new RubricFormatException(displayPath, property.Name, $"unknown field (known: {string.Join(", ", KnownFields)})");
            }

            return new Rubric
            {
                Id = RequiredString(root, "id", displayPath),
                Title = OptionalString(root, "title", displayPath) ?? "",
                SourcePath = displayPath,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(utf8Json)),
                Instruction = Template(RequiredString(root, "instruction", displayPath), "instruction", displayPath),
                Anchors = Anchors(root, displayPath),
                Output = Template(RequiredString(root, "output", displayPath), "output", displayPath),
            };
        }
    }

    private static List<RubricAnchor> Anchors(JsonElement root, string path)
    {
        if (!root.TryGetProperty("anchors", out var element) || element.ValueKind == JsonValueKind.Null)
            throw new RubricFormatException(path, "anchors", "is missing");
        if (element.ValueKind != JsonValueKind.Array)
            throw new RubricFormatException(path, "anchors", "must be an array of { \"score\", \"meaning\" }");

        var anchors = new List<RubricAnchor>();
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            var field = $"anchors[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
                throw new RubricFormatException(path, field, "must be an object with \"score\" and \"meaning\"");
            foreach (var property in item.EnumerateObject())
            {
                if (property.Name is not ("score" or "meaning"))
                    throw new RubricFormatException(path, $"{field}.{property.Name}", "unknown field (known: score, meaning)");
            }

            if (!item.TryGetProperty("score", out var scoreElement) || scoreElement.ValueKind != JsonValueKind.Number)
                throw new RubricFormatException(path, field + ".score", "must be a number in [-1, 1]");
            var score = scoreElement.GetDouble();
            if (score is < -1 or > 1)
                throw new RubricFormatException(path, field + ".score", $"{score.ToString(System.Globalization.CultureInfo.InvariantCulture)} is outside [-1, 1]");
            if (anchors.Any(a => a.Score.Equals(score)))
                throw new RubricFormatException(path, field + ".score", $"{Rubric.FormatScore(score)} is anchored twice");
            anchors.Add(new RubricAnchor(score, Template(RequiredString(item, "meaning", path, field + ".meaning"), field + ".meaning", path)));
        }

        if (!anchors.Any(a => a.Score.Equals(1.0)) || !anchors.Any(a => a.Score.Equals(-1.0)))
            throw new RubricFormatException(path, "anchors", "must anchor both ends of the scale, -1 and +1");
        return anchors.OrderByDescending(a => a.Score).ToList();
    }

    private static PromptTemplate Template(string source, string field, string path)
    {
        var template = PromptTemplate.TryParse(source, out var problem)
            ?? throw new RubricFormatException(path, field, problem!);
        var unknown = template.Placeholders.FirstOrDefault(p => !Rubric.Placeholders.Contains(p, StringComparer.Ordinal));
        if (unknown is not null)
        {
            var available = string.Join(", ", Rubric.Placeholders.Select(p => "{" + p + "}"));
            throw new RubricFormatException(path, field, $"unknown placeholder '{{{unknown}}}' (available: {available})");
        }

        return template;
    }

    private static string RequiredString(JsonElement parent, string name, string path, string? field = null)
    {
        field ??= name;
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            throw new RubricFormatException(path, field, "is missing");
        if (value.ValueKind != JsonValueKind.String)
            throw new RubricFormatException(path, field, $"must be a string, not {value.ValueKind.ToString().ToLowerInvariant()}");
        var text = value.GetString()!;
        return text.Trim().Length > 0 ? text : throw new RubricFormatException(path, field, "must not be empty");
    }

    private static string? OptionalString(JsonElement parent, string name, string path) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? RequiredString(parent, name, path) : null;
}
