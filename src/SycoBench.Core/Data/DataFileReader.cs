using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;

namespace SycoBench.Data;

/// <summary>
/// Reads a data file into its typed record through a source-generated context (<see cref="DataFileJsonContext"/>:
/// unmapped members disallowed, required members and nullable annotations enforced) and turns every failure into a
/// <see cref="DataFileException"/> naming the file and the JSON path: unknown field (with the known ones), missing
/// field, wrong type (with the expected and the given kind), null where a value is needed, broken JSON (with the line).
/// </summary>
public static partial class DataFileReader
{
    public static byte[] ReadBytes(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DataFileException(path, "", $"cannot read the file ({ex.Message})");
        }
    }

    /// <summary>Parses the file's bytes; broken JSON is reported with its line.</summary>
    public static JsonDocument Parse(ReadOnlyMemory<byte> utf8Json, string file)
    {
        try
        {
            return JsonDocument.Parse(utf8Json);
        }
        catch (JsonException ex)
        {
            var line = ex.LineNumber is { } l ? $" at line {l + 1}" : "";
            throw new DataFileException(file, "", $"not valid JSON{line}");
        }
    }

    /// <summary>Reads a whole file as one <typeparamref name="T"/>.</summary>
    public static T Read<T>(ReadOnlyMemory<byte> utf8Json, string file, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        using var document = Parse(utf8Json, file);
        return Deserialize(document.RootElement, file, "", typeInfo);
    }

    /// <summary>Reads the value <paramref name="element"/> found at <paramref name="field"/> of <paramref name="file"/>.</summary>
    public static T Deserialize<T>(JsonElement element, string file, string field, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        if (element.ValueKind != JsonValueKind.Object && typeInfo.Kind == JsonTypeInfoKind.Object)
            throw new DataFileException(file, field, $"must be an object, not {Describe(element)}");
        try
        {
            return element.Deserialize(typeInfo) ?? throw new DataFileException(file, field, "must not be null");
        }
        catch (JsonException ex)
        {
            throw Explain(ex, element, file, field, typeInfo);
        }
    }

    private static DataFileException Explain(JsonException ex, JsonElement root, string file, string field, JsonTypeInfo rootInfo)
    {
        var relative = (ex.Path ?? "$").TrimStart('$').TrimStart('.');
        var message = ex.Message;
        var quoted = Quoted().Matches(message).Select(m => m.Groups[1].Value).ToArray();

        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal) && quoted.Length > 0)
        {
            var name = quoted[0];
            var parent = relative.EndsWith(name, StringComparison.Ordinal)
                ? relative[..^name.Length].TrimEnd('.')
                : relative;
            var known = TypeAt(rootInfo, parent, out _) is { Kind: JsonTypeInfoKind.Object } owner
                ? $" (known: {string.Join(", ", owner.Properties.Select(p => p.Name))})"
                : "";
            return new DataFileException(file, Join(field, DataFileException.Member(parent, name)), $"unknown field{known}");
        }

        if (message.Contains("missing required properties", StringComparison.Ordinal))
        {
            var missing = quoted.Skip(1).FirstOrDefault() ?? "?";
            return new DataFileException(file, Join(field, DataFileException.Member(relative, missing)), "is missing");
        }

        var at = Join(field, relative);
        if (ElementAt(root, relative) is { } value)
        {
            if (value.ValueKind == JsonValueKind.Null)
                return new DataFileException(file, at, "must not be null");
            if (TypeAt(rootInfo, relative, out var property) is { } expected)
                return new DataFileException(file, at, $"must be {Expect(expected, property)}, not {Describe(value)}");
        }

        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return new DataFileException(file, at, cut > 0 ? message[..cut] : message);
    }

    private static string Join(string prefix, string relative) =>
        relative.Length == 0 ? prefix : prefix.Length == 0 ? relative : relative[0] == '[' ? prefix + relative : $"{prefix}.{relative}";

    /// <summary>The metadata of the value at <paramref name="path"/> (<c>anchors[1].score</c>), or null when unknown.</summary>
    private static JsonTypeInfo? TypeAt(JsonTypeInfo root, string path, out JsonPropertyInfo? property)
    {
        JsonTypeInfo? info = root;
        property = null;
        foreach (Match segment in Segment().Matches(path))
        {
            if (info is null)
                return null;
            property = null;
            Type? next;
            if (segment.Groups["name"].Success)
            {
                property = info.Kind == JsonTypeInfoKind.Object ? info.Properties.FirstOrDefault(p => p.Name == segment.Groups["name"].Value) : null;
                next = property?.PropertyType ?? (info.Kind == JsonTypeInfoKind.Dictionary ? info.ElementType : null);
            }
            else
            {
                next = info.Kind == JsonTypeInfoKind.Enumerable ? info.ElementType : null;
            }

            info = next is null ? null : info.Options.GetTypeInfo(Nullable.GetUnderlyingType(next) ?? next);
        }

        return info;
    }

    private static JsonElement? ElementAt(JsonElement root, string path)
    {
        var current = root;
        foreach (Match segment in Segment().Matches(path))
        {
            if (segment.Groups["name"].Success)
            {
                if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(segment.Groups["name"].Value, out current))
                    return null;
            }
            else
            {
                var index = int.Parse(segment.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture);
                if (current.ValueKind != JsonValueKind.Array || index >= current.GetArrayLength())
                    return null;
                current = current[index];
            }
        }

        return current;
    }

    private static string Expect(JsonTypeInfo info, JsonPropertyInfo? property)
    {
        if (property?.CustomConverter is IDescribedConverter described)
            return described.Expected;
        return info.Kind switch
        {
            JsonTypeInfoKind.Enumerable => "an array",
            JsonTypeInfoKind.Object or JsonTypeInfoKind.Dictionary => "an object",
            _ => Type.GetTypeCode(info.Type) switch
            {
                TypeCode.String => "a string",
                TypeCode.Boolean => "true or false",
                TypeCode.Int16 or TypeCode.Int32 or TypeCode.Int64 => "a whole number",
                TypeCode.Double or TypeCode.Single or TypeCode.Decimal => "a number",
                _ => info.Type.Name,
            },
        };
    }

    /// <summary>The kind of a JSON value as an error message names it: <c>a string ("8")</c>, <c>the number 2.5</c>.</summary>
    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"a string (\"{Shorten(value.GetString()!)}\")",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "null",
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    [GeneratedRegex(@"'([^']*)'")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\.?(?<name>[^.\[\]]+)|\[(?<index>\d+)\]")]
    private static partial Regex Segment();
}

/// <summary>A converter that says what JSON it accepts, for error messages (<c>a string or an array of strings</c>).</summary>
internal interface IDescribedConverter
{
    string Expected { get; }
}
