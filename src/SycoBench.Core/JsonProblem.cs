using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace SycoBench;

/// <summary>
/// Explains a <see cref="JsonException"/> from a strict deserialization in the words of the file's editor: it walks
/// the exception's JSON path through the parsed document and the type metadata together and says what is at fault
/// there — an unknown field, a missing one, one given twice, or a value of the wrong kind — from the metadata, not
/// from the serializer's message.
/// </summary>
internal static class JsonProblem
{
    public static (string Field, string Problem) Explain(JsonException exception, JsonElement root, JsonTypeInfo rootInfo)
    {
        var segments = Segments(exception.Path ?? "$");
        var field = new StringBuilder();
        JsonElement? element = root;
        JsonElement? parent = null;
        JsonTypeInfo? info = rootInfo;
        foreach (var (name, index) in segments)
        {
            parent = element;
            var parentInfo = info;
            if (name is not null)
            {
                var at = field.Length == 0 ? name : field + "." + name;
                if (parentInfo?.Kind == JsonTypeInfoKind.Object)
                {
                    var property = parentInfo.Properties.FirstOrDefault(p => p.Name == name);
                    if (property is null)
                        return (at, $"unknown field (expected one of {string.Join(", ", parentInfo.Properties.Select(p => p.Name))})");
                    info = parentInfo.Options.GetTypeInfo(property.PropertyType);
                }
                else
                {
                    info = parentInfo?.Kind == JsonTypeInfoKind.Dictionary ? parentInfo.Options.GetTypeInfo(parentInfo.ElementType!) : null;
                }

                element = element is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var child) ? child : null;
                if (parent is { ValueKind: JsonValueKind.Object } p && p.EnumerateObject().Count(x => x.Name == name) > 1)
                    return (at, "appears twice");
                field.Clear().Append(at);
            }
            else
            {
                info = parentInfo?.Kind == JsonTypeInfoKind.Enumerable ? parentInfo.Options.GetTypeInfo(parentInfo.ElementType!) : null;
                element = element is { ValueKind: JsonValueKind.Array } a && index < a.GetArrayLength() ? a[index] : null;
                field.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
        }

        var path = field.ToString();
        if (element is not { } value || value.ValueKind == JsonValueKind.Null)
            return (path, "is missing");
        if (info is null)
            return (path, "cannot be read here");

        if (info.Kind == JsonTypeInfoKind.Object && value.ValueKind == JsonValueKind.Object)
        {
            var names = value.EnumerateObject().Select(p => p.Name).ToList();
            foreach (var property in info.Properties)
            {
                if (property.IsRequired && !names.Contains(property.Name))
                    return (Join(path, property.Name), "is missing");
            }

            var known = info.Properties.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            if (names.FirstOrDefault(n => !known.Contains(n)) is { } unknown)
                return (Join(path, unknown), $"unknown field (expected one of {string.Join(", ", known)})");
            if (names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
                return (Join(path, twice.Key), "appears twice");
        }

        var expected = Expected(info);
        var actual = Kind(value);
        return expected == KindWithoutValue(value)
            ? (path, $"{actual} is out of range")
            : (path, $"must be {expected}, not {actual}");
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;

    /// <summary>The segments of a serializer path (<c>$.a.b[2]['odd key']</c>): a property name or an array index.</summary>
    private static List<(string? Name, int Index)> Segments(string path)
    {
        var segments = new List<(string?, int)>();
        var i = path.StartsWith('$') ? 1 : 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = i + 1;
                while (end < path.Length && path[end] is not '.' and not '[')
                    end++;
                segments.Add((path[(i + 1)..end], 0));
                i = end;
            }
            else if (path[i] == '[' && i + 1 < path.Length && path[i + 1] == '\'')
            {
                var end = path.IndexOf("']", i + 2, StringComparison.Ordinal);
                end = end < 0 ? path.Length : end;
                segments.Add((path[(i + 2)..end], 0));
                i = end + 2;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                end = end < 0 ? path.Length : end;
                segments.Add((null, int.TryParse(path[(i + 1)..end], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0));
                i = end + 1;
            }
            else
            {
                i++;
            }
        }

        return segments;
    }

    private static string Expected(JsonTypeInfo info)
    {
        var type = Nullable.GetUnderlyingType(info.Type) ?? info.Type;
        if (type == typeof(string))
            return "a string";
        if (type == typeof(bool))
            return "a boolean";
        if (type.IsPrimitive || type == typeof(decimal))
            return "a number";
        return info.Kind switch
        {
            JsonTypeInfoKind.Enumerable => "an array",
            JsonTypeInfoKind.Object or JsonTypeInfoKind.Dictionary => "an object",
            _ => type.Name,
        };
    }

    private static string KindWithoutValue(JsonElement element) =>
        element.ValueKind == JsonValueKind.Number ? "a number" : Kind(element);

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number " + element.GetRawText(),
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => element.ValueKind.ToString().ToLowerInvariant(),
    };
}
