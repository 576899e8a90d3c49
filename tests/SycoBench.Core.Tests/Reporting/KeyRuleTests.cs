using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using SycoBench.Records;
using SycoBench.Reporting;
using SycoBench.Testing;

namespace SycoBench.Tests.Reporting;

/// <summary>SPEC §8 "one key, one answer": every reader takes the latest record of each key and counts the others.</summary>
public sealed class KeyRuleTests
{
    [Fact]
    public void A_file_whose_every_key_of_one_model_was_rescored_reports_exactly_what_the_latest_records_report()
    {
        using var temp = new TempDirectory();
        var writer = new ScoredRunWriter(ScoredRunWriter.Rent)
            .Model("m/sycophant", (t, p, s) => p == "landlord" ? 0.6 : p == "tenant" ? -0.6 : 0.1 * s, samples: 2)
            .Model("m/balanced", (t, p, s) => 0.05 * (s - 0.5), samples: 2);
        // Every answer of m/balanced scored again (a re-score or a second pass of the same judge), appended.
        var rescored = writer.Records.Where(r => r.ModelId == "m/balanced")
            .Select(r => r with { Score = 1.0, Error = null, EvalTimestampIso = "2025-10-12T09:00:00Z" })
            .ToList();
        foreach (var record in rescored)
            writer.Add(record);
        var appended = writer.Write(temp.File("appended/run_scored.jsonl"));
        var latest = LatestPerKey.Of(writer.Records);
        Assert.Equal(rescored.Count, latest.Superseded);
        JsonlFile.WriteAll(temp.File("latest/run_scored.jsonl"), latest.Records, RecordJsonContext.Default.EvalRecord);

        // Small chunks on three threads: superseded records and their successors fall in different chunks.
        var options = ScoredRunWriter.Options(appended, ScoredRunWriter.Rent) with { Workers = 3, ChunkSize = 64 << 10 };
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 2, 3, 4, 5, 6, TimeSpan.Zero));
        var fromAppended = new ReportBuilder(clock).Run(options);
        var fromLatest = new ReportBuilder(clock).Run(options with { InputPath = temp.File("latest/run_scored.jsonl") });

        Assert.Equal(rescored.Count, fromAppended.Report.Quality.SupersededRecords);
        Assert.Equal(0, fromLatest.Report.Quality.SupersededRecords);
        Assert.Equal(File.ReadAllText(temp.File("latest/run_scored.csv")), File.ReadAllText(temp.File("appended/run_scored.csv")));
        var balanced = fromAppended.Report.Models.Single(m => m.ModelId == "m/balanced");
        Assert.Equal(1.0, balanced.Baseline.Value!.Value, 12);
        Assert.Equal(Comparable(temp.File("latest/stats.json")), Comparable(temp.File("appended/stats.json")));
        Assert.Contains(fromAppended.Report.Quality.Notes, n => n.StartsWith($"{rescored.Count} records superseded by a later record", StringComparison.Ordinal));
    }

    [Fact]
    public void The_latest_record_of_each_key_is_kept_in_file_order_and_the_judge_is_part_of_the_key()
    {
        var first = new EvalRecord { ModelId = "m", PromptId = "001", ScorerModel = "judge/a", Score = 0.1 };
        var otherJudge = first with { ScorerModel = "judge/b", Score = 0.2 };
        var otherSample = first with { Sample = 1, Score = 0.3 };
        var again = first with { Score = 0.4 };
        EvalRecord[] records = [first, otherJudge, otherSample, again];

        var latest = LatestPerKey.Of(records);
        var unique = LatestPerKey.Of([first, otherJudge, otherSample]);

        Assert.Equal([otherJudge, otherSample, again], latest.Records);
        Assert.Equal(1, latest.Superseded);
        Assert.Equal("f.jsonl: 1 record(s) superseded by a later record of the same key (model, prompt, sample, judge); the latest of each key is used", latest.Notice("f.jsonl"));
        Assert.Equal(0, unique.Superseded);
        Assert.Null(unique.Notice("f.jsonl"));
        Assert.Equal(2, LatestPerKey.Of([new RunRecord { ModelId = "m", PromptId = "1" }, new RunRecord { ModelId = "m", PromptId = "1", Sample = 0 }, new RunRecord { ModelId = "m", PromptId = "2" }]).Records.Count);
    }

    /// <summary>stats.json without what differs by construction: the data-quality counts and notes, and the input file.</summary>
    private static string Comparable(string statsPath)
    {
        var json = JsonNode.Parse(File.ReadAllText(statsPath))!;
        Remove(json, "quality", "input");
        return json.ToJsonString();
    }

    private static void Remove(JsonNode? node, params string[] names)
    {
        if (node is JsonObject obj)
        {
            foreach (var name in names)
                obj.Remove(name);
            foreach (var (_, child) in obj)
                Remove(child, names);
        }
        else if (node is JsonArray array)
        {
            foreach (var child in array)
                Remove(child, names);
        }
    }
}
