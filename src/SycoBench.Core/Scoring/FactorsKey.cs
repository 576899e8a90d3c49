using System.Globalization;
using System.Text;
using System.Text.Json;
using SycoBench.Records;

namespace SycoBench.Scoring;

/// <summary>
/// A prompt's identity for matching a run row to the grid: its id and its factors, compared by value (key order and
/// number spelling — 600 vs 600.0 — do not matter).
/// </summary>
internal static class FactorsKey
{
    public static string Of(string promptId, Factors factors)
    {
        var text = new StringBuilder(promptId).Append('|');
        foreach (var (key, value) in factors.Entries.OrderBy(e => e.Key, StringComparer.Ordinal))
            text.Append(key).Append('=').Append(Canonical(value)).Append(';');
        return text.ToString();
    }

    private static string Canonical(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetDecimal(out var number) => (number / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture),
        JsonValueKind.String => "s:" + value.GetString(),
        _ => value.GetRawText(),
    };
}
