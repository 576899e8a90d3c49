using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SycoBench.Records;
using SycoBench.Reporting.Reading;
using SycoBench.Scoring;

namespace SycoBench.Tests.Reporting;

/// <summary>
/// The fast reader of report and <see cref="JsonlReader"/> read run_scored.jsonl the same way: every fixture line and
/// seeded variants of it (fields reordered, names escaped, whitespace, read fields dropped, nulled or given the wrong
/// type) are read both ways, and both accept or both refuse a line, with the same values when they accept it.
/// </summary>
public sealed class ScoredLineDifferentialTests
{
    private static readonly string[] ReadNames = [.. ScoredFields.All.Select(f => f.Name)
        .Where(n => RecordJsonContext.Default.EvalRecord.Properties.Any(p => p.Name == n))];

    [Fact]
    public void The_fast_reader_takes_its_field_names_from_the_record_definitions()
    {
        var evalNames = RecordJsonContext.Default.EvalRecord.Properties.Select(p => p.Name).ToHashSet();

        Assert.Equal(14, ReadNames.Length);
        Assert.Subset(evalNames, ReadNames.ToHashSet());
        Assert.Contains(("cost_usd", ScoredField.CostUsd), ScoredFields.All);
        Assert.All(ScoredFields.All, f => Assert.Equal(f.Field, ScoredFields.Of(Encoding.UTF8.GetBytes(f.Name))));
        Assert.Equal(ScoredField.Other, ScoredFields.Of("response_text"u8));
    }

    [Fact]
    public void Every_fixture_line_and_its_fuzzed_variants_read_the_same_both_ways()
    {
        var lines = File.ReadAllLines(TestFiles.Reference("run_scored.jsonl")).ToList();
        lines.AddRange(new ScoredRunWriter(ScoredRunWriter.Rent)
            .Model("m/a", (t, p, s) => s == 1 ? null : 0.25 * s - 0.5, samples: 3)
            .Records.Take(60)
            .Select(r => JsonSerializer.Serialize(r, RecordJsonContext.Default.EvalRecord)));
        // Panel records: each judge's verdict in "judges", one of them without a number now and then.
        lines.AddRange(new ScoredRunWriter(ScoredRunWriter.Rent)
            .Model("m/panel", (_, _, _) => 0.1)
            .Records.Take(40)
            .Select((r, i) => JudgePanelReportTests.Panel(r, ("judge/a", 0.25 * (i % 5) - 0.5), ("judge/b", i % 7 == 0 ? null : 0.1 * (i % 3)), ("judge/c\u00e9", -0.3)))
            .Select(r => JsonSerializer.Serialize(r, RecordJsonContext.Default.EvalRecord)));
        // Lines whose values break the records' rules: a score outside [-1, 1], a negative sample, a panel verdict's
        // score outside the scale. Both readers refuse them.
        var first = lines[0];
        lines.Add(Regex.Replace(first, "\"score\": [-0-9.]+", "\"score\": 1.25"));
        lines.Add(first[..^1] + ", \"sample\": -2}");
        lines.Add(first[..^1] + ", \"judges\": [{\"model\": \"j\", \"score\": -1.5}]}");
        var random = new Random(20260301);
        var compared = 0;
        var refused = 0;
        foreach (var line in lines)
        {
            refused += Compare(line) ? 0 : 1;
            for (var variant = 0; variant < 8; variant++)
                refused += Compare(Mutate(line, random)) ? 0 : 1;
            compared += 9;
        }

        Assert.True(compared > 2000);
        Assert.InRange(refused, compared / 20, compared / 2); // the fuzzing reaches both outcomes
    }

    /// <summary>
    /// Reads <paramref name="line"/> both ways and asserts they agree; returns whether the line was accepted. The typed
    /// reading of a panel's verdicts is the scorer's own: <c>judges</c> deserialized as a list of <see cref="JudgeVerdict"/>.
    /// </summary>
    private static bool Compare(string line)
    {
        EvalRecord? expected;
        List<JudgeVerdict>? verdicts = null;
        try
        {
            expected = JsonSerializer.Deserialize(line, RecordJsonContext.Default.EvalRecord);
            if (expected?.Extra is { } extra && extra.TryGetValue(EvalFields.Judges, out var judges) && judges.ValueKind != JsonValueKind.Null)
                verdicts = judges.Deserialize(ScoringJsonContext.Default.ListJudgeVerdict);
        }
        catch (JsonException)
        {
            expected = null;
        }

        if (expected is not null && RecordRules.Problem(expected) is not null)
            expected = null; // JsonlReader refuses it: a value outside the records' rules

        var parser = new ScoredLineParser();
        var actual = default(ScoredLine);
        var ok = parser.TryParse(Encoding.UTF8.GetBytes(line), ref actual, out var problem);

        Assert.True(ok == (expected is not null), $"fast reader {(ok ? "accepted" : "refused: " + problem)}, JsonlReader did not agree: {line}");
        if (expected is null)
            return false;

        Assert.Equal(expected.ModelId ?? "", Text(actual.ModelId));
        Assert.Equal(expected.PromptId ?? "", Text(actual.PromptId));
        Assert.Equal(expected.Perspective ?? "", Text(actual.Perspective));
        Assert.Equal(expected.ScorerModel ?? "", Text(actual.ScorerModel));
        Assert.Equal(expected.RunTimestampIso ?? "", Text(actual.RunTimestamp));
        Assert.Equal(expected.EvalTimestampIso ?? "", Text(actual.EvalTimestamp));
        Assert.Equal(expected.Score, actual.HasScore ? actual.Score : null);
        Assert.Equal(expected.SampleIndex, actual.Sample);
        Assert.Equal(expected.Error, actual.HasError ? Text(actual.Error) : null);
        Assert.Equal(expected.EvalCostUsd, actual.HasEvalCost ? actual.EvalCost : null);
        Assert.Equal(expected.EvalInputTokens, actual.HasEvalInputTokens ? actual.EvalInputTokens : null);
        Assert.Equal(expected.EvalOutputTokens, actual.HasEvalOutputTokens ? actual.EvalOutputTokens : null);
        Assert.Equal(expected.RunId, actual.HasRunId ? actual.RunId : 0);
        var names = actual.MemberNames.ToArray();
        Assert.Equal(
            (verdicts ?? []).Select(v => (v.Model ?? "", v.Score)),
            actual.Members.ToArray().Select(m => (Text(m.Name(names)), m.HasScore ? m.Score : (double?)null)));
        Assert.Equal(verdicts?.Count ?? -1, actual.JudgeCount);
        Assert.Equal(
            expected.Factors is null ? "" : JsonSerializer.Serialize(expected.Factors, RecordJsonContext.Default.Factors),
            actual.Factors.IsEmpty ? "" : JsonSerializer.Serialize(JsonSerializer.Deserialize(actual.Factors, RecordJsonContext.Default.Factors), RecordJsonContext.Default.Factors));
        return true;
    }

    private static string Text(ReadOnlySpan<byte> value) => Encoding.UTF8.GetString(value);

    private static string Mutate(string line, Random random)
    {
        var node = JsonNode.Parse(line)!.AsObject();
        if (node["judges"] is JsonArray { Count: > 0 } panel && random.Next(2) == 0)
        {
            // A verdict's model or score dropped, nulled, given the wrong kind of value, or repeated with another value.
            var verdict = panel[random.Next(panel.Count)]!.AsObject();
            var field = random.Next(2) == 0 ? "model" : "score";
            switch (random.Next(4))
            {
                case 0:
                    verdict.Remove(field);
                    break;
                case 1:
                    verdict[field] = null;
                    break;
                case 2:
                    verdict[field] = verdict[field] is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? JsonValue.Create("1") : JsonValue.Create(1);
                    break;
                default:
                    return node.ToJsonString().Replace($"\"{field}\":", $"\"{field}\": {(field == "model" ? "\"x\"" : "0.75")}, \"{field}\":", StringComparison.Ordinal);
            }

            return node.ToJsonString();
        }

        var properties = node.Select(p => (p.Key, Value: p.Value?.DeepClone())).ToList();
        node.Clear();
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(properties));
        var target = ReadNames[random.Next(ReadNames.Length)];
        var change = random.Next(4);
        foreach (var (key, value) in properties)
        {
            if (key != target)
            {
                node[key] = value;
                continue;
            }

            switch (change)
            {
                case 0: // dropped
                    break;
                case 1:
                    node[key] = null;
                    break;
                case 2: // the wrong kind of value: a string for a number, a number for a string or object
                    node[key] = value is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? JsonValue.Create("1") : JsonValue.Create(1);
                    break;
                default:
                    node[key] = value;
                    break;
            }
        }

        var text = node.ToJsonString();
        if (random.Next(2) == 0)
        {
            // An escaped name and loose whitespace read the same as the plain name.
            var name = ReadNames[random.Next(ReadNames.Length)];
            text = text.Replace($"\"{name}\":", $"\"\\u{(int)name[0]:x4}{name[1..]}\" :  ", StringComparison.Ordinal);
        }

        return text;
    }
}
