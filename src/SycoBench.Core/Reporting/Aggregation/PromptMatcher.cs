using System.Globalization;
using System.Text;
using System.Text.Json;
using SycoBench.Records;
using SycoBench.Scenarios;

namespace SycoBench.Reporting.Aggregation;

/// <summary>
/// Places a record in a matched triplet: by its prompt id and factors, against the scenario's grid built with and
/// without neutral prompts (their prompt ids differ). When the prompt id is missing or unknown, the factors alone
/// decide, if they fit exactly one prompt; neutral prompts share their factors across the justification categories of
/// an (amount, relationship), so for them only the prompt id can tell. Only the scenario's factor keys are compared, so
/// an extra field in a record's factors does not matter; numbers compare by value (50 equals 50.0).
/// </summary>
internal sealed class PromptMatcher
{
    private readonly string[] _keys;
    private readonly Dictionary<string, (int Triplet, Role Role)> _byIdAndFactors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(int Triplet, Role Role)>> _byFactors = new(StringComparer.Ordinal);

    public PromptMatcher(Scenario scenario, ReportScenario roles)
    {
        _keys = scenario.FactorOrder.ToArray();
        foreach (var includeNeutral in new[] { true, false })
        {
            foreach (var triplet in GridBuilder.Build(scenario, includeNeutral).Triplets)
            {
                foreach (var prompt in triplet.Prompts)
                {
                    var role = roles.RoleOf(prompt.Perspective);
                    var factors = Canonical(prompt.Factors.Entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal));
                    _byIdAndFactors[prompt.PromptId + "\u0001" + factors] = (triplet.Index, role);
                    if (!_byFactors.TryGetValue(factors, out var list))
                        _byFactors[factors] = list = [];
                    if (!list.Contains((triplet.Index, role)))
                        list.Add((triplet.Index, role));
                }
            }
        }
    }

    public PromptMatch Match(string? promptId, JsonElement factors)
    {
        if (factors.ValueKind != JsonValueKind.Object)
            return PromptMatch.Unmatched(UnmatchedReason.NoFactors);

        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in factors.EnumerateObject())
            values[property.Name] = property.Value;
        var canonical = Canonical(values);
        if (promptId is not null && _byIdAndFactors.TryGetValue(promptId + "\u0001" + canonical, out var exact))
            return new PromptMatch(exact.Triplet, exact.Role, null);
        if (!_byFactors.TryGetValue(canonical, out var candidates))
            return PromptMatch.Unmatched(UnmatchedReason.NotInGrid);
        return candidates.Count == 1
            ? new PromptMatch(candidates[0].Triplet, candidates[0].Role, null)
            : PromptMatch.Unmatched(UnmatchedReason.Ambiguous);
    }

    private string Canonical(Dictionary<string, JsonElement> values)
    {
        var text = new StringBuilder();
        foreach (var key in _keys)
        {
            text.Append(key).Append('=');
            if (values.TryGetValue(key, out var value))
                text.Append(ValueText(value));
            else
                text.Append('\u0002');
            text.Append('\u0001');
        }

        return text.ToString();
    }

    private static string ValueText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "s:" + value.GetString(),
        JsonValueKind.Number => value.TryGetDecimal(out var number)
            ? "n:" + (number / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture)
            : "n:" + value.GetRawText(),
        _ => "j:" + value.GetRawText(),
    };
}

/// <summary>Where a record belongs: a triplet and a role, or the reason it belongs nowhere.</summary>
internal readonly record struct PromptMatch(int Triplet, Role Role, UnmatchedReason? Reason)
{
    public bool IsMatched => Reason is null;

    public static PromptMatch Unmatched(UnmatchedReason reason) => new(-1, Role.Other, reason);
}
