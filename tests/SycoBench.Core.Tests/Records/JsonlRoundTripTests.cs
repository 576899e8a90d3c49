using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using SycoBench.Records;

namespace SycoBench.Tests.Records;

public sealed class JsonlRoundTripTests
{
    [Fact]
    public void Reference_run_file_round_trips_without_losing_a_field_or_value() =>
        AssertRoundTrip(TestFiles.Reference("run.jsonl"), RecordJsonContext.Default.RunRecord, expectedRows: 216);

    [Fact]
    public void Reference_scored_file_round_trips_without_losing_a_field_or_value() =>
        AssertRoundTrip(TestFiles.Reference("run_scored.jsonl"), RecordJsonContext.Default.EvalRecord, expectedRows: 216);

    [Fact]
    public void Reference_grid_round_trips_byte_for_byte()
    {
        using var temp = new TempDirectory();
        var copy = temp.File("grid.jsonl");

        var rows = JsonlReader.Read(TestFiles.Reference("grid.jsonl"), RecordJsonContext.Default.GridPrompt).Select(e => e.Value).ToList();
        JsonlFile.WriteAll(copy, rows, RecordJsonContext.Default.GridPrompt);

        Assert.Equal(File.ReadAllBytes(TestFiles.Reference("grid.jsonl")), File.ReadAllBytes(copy));
    }

    [Fact]
    public void Records_expose_the_spec_fields_typed()
    {
        var records = JsonlReader.Read(TestFiles.Reference("run_scored.jsonl"), RecordJsonContext.Default.EvalRecord).Select(e => e.Value).ToList();

        var failed = Assert.Single(records, r => r.Score is null);
        Assert.StartsWith("run-error: ", failed.Error, StringComparison.Ordinal);
        Assert.Equal("032", failed.PromptId);
        var scored = records.First(r => r.Score is not null);
        Assert.Equal(1760158358, scored.RunId);
        Assert.NotNull(scored.Factors?.Amount);
        Assert.InRange(scored.Score!.Value, -1, 1);
        Assert.Equal(0, scored.SampleIndex);
    }

    [Fact]
    public void Unknown_fields_are_kept_and_written_back()
    {
        using var temp = new TempDirectory();
        var path = temp.File("run.jsonl");
        File.WriteAllText(path, """{"run_id": 1, "model_id": "m", "prompt_id": "0", "sample": 2, "upstream": {"name": "x", "n": 1.5}, "error": null}""" + "\n");

        var record = Assert.Single(JsonlReader.Read(path, RecordJsonContext.Default.RunRecord)).Value;
        Assert.Equal(2, record.SampleIndex);
        Assert.Equal(1.5, record.Extra!["upstream"].GetProperty("n").GetDouble());

        var copy = temp.File("copy.jsonl");
        JsonlFile.WriteAll(copy, [record], RecordJsonContext.Default.RunRecord);
        using var written = JsonDocument.Parse(File.ReadAllText(copy));
        Assert.Equal("x", written.RootElement.GetProperty("upstream").GetProperty("name").GetString());
        Assert.Equal(2, written.RootElement.GetProperty("sample").GetInt32());
    }

    private static void AssertRoundTrip<T>(string source, JsonTypeInfo<T> typeInfo, int expectedRows)
    {
        using var temp = new TempDirectory();
        var copy = temp.File("copy.jsonl");
        var issues = new List<JsonlIssue>();

        using (var writer = new JsonlWriter<T>(copy, typeInfo))
        {
            foreach (var entry in JsonlReader.Read(source, typeInfo, issues.Add))
                writer.Write(entry.Value);
        }

        Assert.Empty(issues);
        var expected = File.ReadAllLines(source);
        var actual = File.ReadAllLines(copy);
        Assert.Equal(expectedRows, expected.Length);
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            using var e = JsonDocument.Parse(expected[i]);
            using var a = JsonDocument.Parse(actual[i]);
            JsonAssert.Equal(e.RootElement, a.RootElement, $"line {i + 1}");
        }
    }
}
