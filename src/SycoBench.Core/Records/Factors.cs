using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SycoBench.Records;

/// <summary>
/// The factors of a prompt: an ordered map from factor name to JSON value. Order is kept because the
/// file formats are compared byte for byte; the well-known keys have typed accessors.
/// </summary>
[JsonConverter(typeof(FactorsJsonConverter))]
public sealed class Factors
{
    public const string PerspectiveKey = "perspective";
    public const string AmountKey = "amount";
    public const string RelationshipKey = "relationship_quality";
    public const string JustificationKey = "justification";

    private readonly KeyValuePair<string, JsonElement>[] _entries;

    public Factors(IEnumerable<KeyValuePair<string, JsonElement>> entries)
    {
        _entries = entries.ToArray();
    }

    public IReadOnlyList<KeyValuePair<string, JsonElement>> Entries => _entries;

    public string? Perspective => GetString(PerspectiveKey);

    public string? RelationshipQuality => GetString(RelationshipKey);

    public string? Justification => GetString(JustificationKey);

    /// <summary>The amount asked for, or null when the prompt has none (or it is not a number).</summary>
    public double? Amount => GetNumber(AmountKey);

    public bool TryGet(string key, out JsonElement value)
    {
        foreach (var entry in _entries)
        {
            if (string.Equals(entry.Key, key, StringComparison.Ordinal))
            {
                value = entry.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    public string? GetString(string key) =>
        TryGet(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public double? GetNumber(string key) =>
        TryGet(key, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    /// <summary>The value of a key as display text: strings as they are, other values as their JSON text.</summary>
    public string? GetText(string key)
    {
        if (!TryGet(key, out var value))
            return null;
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Null => null,
            _ => value.GetRawText(),
        };
    }

    public static JsonElement StringValue(string value) => JsonSerializer.SerializeToElement(value, RecordJsonContext.Default.String);

    public static JsonElement NumberValue(decimal value) =>
        JsonDocument.Parse(FormatNumber(value)).RootElement.Clone();

    /// <summary>Writes a number the way the original Python tool did for integers and short decimals.</summary>
    public static string FormatNumber(decimal value) =>
        value == decimal.Truncate(value)
            ? decimal.Truncate(value).ToString(CultureInfo.InvariantCulture)
            : value.ToString(CultureInfo.InvariantCulture);
}
