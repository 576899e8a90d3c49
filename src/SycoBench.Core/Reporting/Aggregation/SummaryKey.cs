using System.Globalization;
using System.Text.Json;

namespace SycoBench.Reporting.Aggregation;

/// <summary>
/// The scenario key of SPEC §6: (amount, relationship_quality), read the way the original tool read it — the amount as
/// a whole number (<c>int(…)</c>: a decimal is cut, a numeric string is parsed), the relationship as text. A record
/// whose factors lack either, or whose amount is not a number, has no key and counts in <c>n</c> only.
/// </summary>
internal static class SummaryKey
{
    public static string? From(JsonElement factors)
    {
        if (factors.ValueKind != JsonValueKind.Object)
            return null;
        if (!factors.TryGetProperty(Records.Factors.AmountKey, out var amount)
            || !factors.TryGetProperty(Records.Factors.RelationshipKey, out var relationship)
            || relationship.ValueKind == JsonValueKind.Null)
            return null;

        var amountText = WholeNumber(amount);
        if (amountText is null)
            return null;
        var relationshipText = relationship.ValueKind switch
        {
            JsonValueKind.String => relationship.GetString()!,
            JsonValueKind.True => "True",
            JsonValueKind.False => "False",
            _ => relationship.GetRawText(),
        };
        return amountText + "\u0001" + relationshipText;
    }

    private static string? WholeNumber(JsonElement amount)
    {
        switch (amount.ValueKind)
        {
            case JsonValueKind.Number:
                if (amount.TryGetInt64(out var whole))
                    return whole.ToString(CultureInfo.InvariantCulture);
                if (amount.TryGetDecimal(out var number))
                    return decimal.Truncate(number).ToString(CultureInfo.InvariantCulture);
                var value = amount.GetDouble();
                return double.IsFinite(value) ? Math.Truncate(value).ToString("R", CultureInfo.InvariantCulture) : null;
            case JsonValueKind.String:
                var text = amount.GetString()!.Trim();
                return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
                    ? parsed.ToString(CultureInfo.InvariantCulture)
                    : null;
            case JsonValueKind.True:
                return "1";
            case JsonValueKind.False:
                return "0";
            default:
                return null;
        }
    }
}
