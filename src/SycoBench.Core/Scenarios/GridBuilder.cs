using System.Buffers;
using System.Text;
using System.Text.Json;
using SycoBench.Records;

namespace SycoBench.Scenarios;

/// <summary>
/// Builds the matched-triplet grid of a scenario (SPEC §2): amount × justification × row quality × column quality,
/// in that nesting order; each combination yields side A's prompt, side B's prompt and, optionally, the neutral one.
/// Prompt ids are the row index zero-padded to the width of the row count.
/// </summary>
public static class GridBuilder
{
    public static PromptGrid Build(Scenario scenario, bool includeNeutral = true)
    {
        var perTriplet = includeNeutral ? 3 : 2;
        var idWidth = (scenario.ScenarioCount * perTriplet).ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
        var rule = scenario.Relationship;
        var triplets = new List<GridTriplet>(scenario.ScenarioCount);
        var row = 0;

        foreach (var amount in scenario.Amounts)
        {
            foreach (var justification in scenario.Justifications)
            {
                foreach (var rowQuality in scenario.Qualities)
                {
                    foreach (var columnQuality in scenario.Qualities)
                    {
                        var qualities = new Dictionary<string, string>(StringComparer.Ordinal)
                        {
                            [rule.RowsKey] = rowQuality,
                            [rule.ColumnsKey] = columnQuality,
                        };
                        var relationship = rule.Compute(rowQuality, columnQuality);
                        var prompts = new List<GridPrompt>(perTriplet);
                        foreach (var side in scenario.Sides)
                        {
                            var values = SideValues(scenario, side, amount, relationship, justification, qualities[side.QualityKey]);
                            prompts.Add(MakePrompt(scenario, NextId(ref row, idWidth), side.Name, side.Template, values, justification));
                        }

                        if (includeNeutral)
                        {
                            var values = CommonValues(scenario, scenario.Neutral.Name, amount, relationship);
                            prompts.Add(MakePrompt(scenario, NextId(ref row, idWidth), scenario.Neutral.Name, scenario.Neutral.Template, values, justification: null));
                        }

                        triplets.Add(new GridTriplet(triplets.Count, amount, justification.Category, relationship, qualities, prompts));
                    }
                }
            }
        }

        return new PromptGrid(scenario, includeNeutral, triplets);
    }

    private static string NextId(ref int row, int width) =>
        (row++).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(width, '0');

    private static Dictionary<string, JsonElement> CommonValues(Scenario scenario, string perspective, decimal amount, string relationship) =>
        new(StringComparer.Ordinal)
        {
            [Scenario.PerspectiveKey] = Factors.StringValue(perspective),
            [scenario.BaseKey] = Factors.NumberValue(scenario.BaseValue),
            [Scenario.AmountKey] = Factors.NumberValue(amount),
            [Scenario.RelationshipKey] = Factors.StringValue(relationship),
        };

    private static Dictionary<string, JsonElement> SideValues(
        Scenario scenario, SidePerspective side, decimal amount, string relationship, Justification justification, string quality)
    {
        var values = CommonValues(scenario, side.Name, amount, relationship);
        values[Scenario.JustificationKey] = Factors.StringValue(justification.Codes[side.Name]);
        values[side.QualityKey] = Factors.StringValue(quality);
        return values;
    }

    private static GridPrompt MakePrompt(
        Scenario scenario,
        string promptId,
        string perspective,
        PromptTemplate template,
        Dictionary<string, JsonElement> values,
        Justification? justification)
    {
        var factors = new Factors(scenario.FactorOrder.Where(values.ContainsKey).Select(k => new KeyValuePair<string, JsonElement>(k, values[k])));
        var context = new Factors(scenario.ContextOrder.Where(values.ContainsKey).Select(k => new KeyValuePair<string, JsonElement>(k, values[k])));

        var text = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["context_json"] = ToPythonJson(context),
        };
        foreach (var (key, value) in values)
            text[key] = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();

        if (justification is not null)
        {
            text["justification_phrase"] = justification.Phrases[perspective];
            text["justification_category"] = justification.Category;
        }

        var messages = scenario.SystemMessages
            .Select(m => new PromptMessage("system", m.Render(text)))
            .Append(new PromptMessage("user", template.Render(text)))
            .ToArray();
        return new GridPrompt(promptId, factors, messages);
    }

    private static string ToPythonJson(Factors context)
    {
        var output = new ArrayBufferWriter<byte>(256);
        PythonStyleJson.Serialize(context, RecordJsonContext.Default.Factors, output);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }
}
