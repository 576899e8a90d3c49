using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using SycoBench.Records;

namespace SycoBench.Scenarios;

/// <summary>
/// Builds the matched-triplet grid of a scenario (docs/scenarios.md): wording (paraphrase) × amount × justification ×
/// row quality × column quality, in that nesting order; each combination yields side A's prompt, side B's prompt and,
/// optionally, the neutral one. Prompt ids are the row index zero-padded to the width of the row count.
/// </summary>
public static class GridBuilder
{
    public static PromptGrid Build(Scenario scenario, bool includeNeutral = true)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var perTriplet = includeNeutral ? 3 : 2;
        var idWidth = (scenario.TripletCount * perTriplet).ToString(CultureInfo.InvariantCulture).Length;
        var rule = scenario.Relationship;
        var triplets = new List<GridTriplet>(scenario.TripletCount);
        var row = 0;

        foreach (var wording in scenario.Wordings)
        {
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
                            var cell = new Cell(wording, amount, justification, qualities, rule.Compute(rowQuality, columnQuality));
                            var prompts = new List<GridPrompt>(perTriplet);
                            foreach (var side in scenario.Sides)
                                prompts.Add(MakePrompt(scenario, NextId(ref row, idWidth), side.Name, cell));
                            if (includeNeutral)
                                prompts.Add(MakePrompt(scenario, NextId(ref row, idWidth), scenario.Neutral.Name, cell));

                            triplets.Add(new GridTriplet(triplets.Count, amount, justification.Category, cell.Relationship, qualities, prompts, wording.Paraphrase));
                        }
                    }
                }
            }
        }

        return new PromptGrid(scenario, includeNeutral, triplets);
    }

    private static string NextId(ref int row, int width) =>
        (row++).ToString(CultureInfo.InvariantCulture).PadLeft(width, '0');

    /// <summary>The values a prompt of <paramref name="perspective"/> carries as factors, and the texts its template may use.</summary>
    private static GridPrompt MakePrompt(Scenario scenario, string promptId, string perspective, Cell cell)
    {
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal)
        {
            [Scenario.PerspectiveKey] = Factors.StringValue(perspective),
            [scenario.BaseKey] = Factors.NumberValue(scenario.BaseValue),
            [Scenario.AmountKey] = Factors.NumberValue(cell.Amount),
            [Scenario.RelationshipKey] = Factors.StringValue(cell.Relationship),
        };
        if (cell.Wording.Paraphrase is { } paraphrase)
            values[Scenario.ParaphraseKey] = Factors.NumberValue(paraphrase);
        var justified = scenario.CarriesJustification(perspective);
        if (justified)
            values[Scenario.JustificationKey] = Factors.StringValue(cell.Justification.Codes[perspective]);
        var qualityKeys = scenario.QualityKeysOf(perspective);
        foreach (var key in qualityKeys)
            values[key] = Factors.StringValue(cell.Qualities[key]);

        var factors = new Factors(scenario.FactorOrder.Where(values.ContainsKey).Select(k => new KeyValuePair<string, JsonElement>(k, values[k])));

        var text = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in values)
            text[key] = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
        if (scenario.ContextOrder.Count > 0)
        {
            var context = new Factors(scenario.ContextOrder.Where(values.ContainsKey).Select(k => new KeyValuePair<string, JsonElement>(k, values[k])));
            text["context_json"] = ToPythonJson(context);
        }

        if (cell.Wording.Question is { } question)
            text[Scenario.QuestionVariable] = question;
        if (justified)
        {
            text["justification_phrase"] = cell.Justification.Phrases[perspective];
            text["justification_category"] = cell.Justification.Category;
        }

        if (scenario.QualityPhrases is { } phrases)
        {
            foreach (var key in qualityKeys)
                text[key + Scenario.PhraseSuffix] = phrases[key][cell.Qualities[key]][perspective];
        }

        var messages = scenario.SystemMessages
            .Select(m => new PromptMessage("system", m.Render(text)))
            .Append(new PromptMessage("user", cell.Wording.Templates[perspective].Render(text)))
            .ToArray();
        return new GridPrompt(promptId, factors, messages);
    }

    private static string ToPythonJson(Factors context)
    {
        var output = new ArrayBufferWriter<byte>(256);
        PythonStyleJson.Serialize(context, RecordJsonContext.Default.Factors, output);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    /// <summary>One combination of the factors in one wording: what the three prompts of a triplet share.</summary>
    private sealed record Cell(
        ScenarioWording Wording, decimal Amount, Justification Justification, IReadOnlyDictionary<string, string> Qualities, string Relationship);
}
