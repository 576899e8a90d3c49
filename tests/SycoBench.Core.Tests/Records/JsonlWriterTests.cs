using SycoBench.Records;

namespace SycoBench.Tests.Records;

public sealed class JsonlWriterTests
{
    [Fact]
    public void Each_line_is_on_disk_as_soon_as_it_is_written()
    {
        using var temp = new TempDirectory();
        var path = temp.File("out/run.jsonl");
        using var writer = new JsonlWriter<RunRecord>(path, RecordJsonContext.Default.RunRecord);

        writer.Write(new RunRecord { RunId = 1, ModelId = "a", PromptId = "000" });
        var visible = JsonlReader.Read(path, RecordJsonContext.Default.RunRecord).ToList();

        Assert.Single(visible);
        Assert.Equal(1, writer.LinesWritten);
    }

    [Fact]
    public void Appending_after_a_torn_line_starts_a_new_line()
    {
        using var temp = new TempDirectory();
        var path = temp.File("run.jsonl");
        File.WriteAllText(path, "{\"run_id\": 1, \"model_id\": \"a\"}\n{\"run_id\": 2, \"mod");

        using (var writer = new JsonlWriter<RunRecord>(path, RecordJsonContext.Default.RunRecord))
            writer.Write(new RunRecord { RunId = 3, ModelId = "c" });
        var issues = new List<JsonlIssue>();
        var records = JsonlReader.Read(path, RecordJsonContext.Default.RunRecord, issues.Add).ToList();

        Assert.Equal([1L, 3L], records.Select(r => r.Value.RunId));
        Assert.Equal(2, Assert.Single(issues).LineNumber);
    }

    [Fact]
    public void Concurrent_writers_never_interleave_lines()
    {
        using var temp = new TempDirectory();
        var path = temp.File("run.jsonl");
        using (var writer = new JsonlWriter<RunRecord>(path, RecordJsonContext.Default.RunRecord))
        {
            Parallel.For(0, 400, i => writer.Write(new RunRecord { RunId = i, ModelId = "m", ResponseText = new string('y', i * 10) }));
        }

        var issues = new List<JsonlIssue>();
        var ids = JsonlReader.Read(path, RecordJsonContext.Default.RunRecord, issues.Add).Select(r => r.Value.RunId).Order().ToList();

        Assert.Empty(issues);
        Assert.Equal(Enumerable.Range(0, 400).Select(i => (long)i), ids);
    }

    [Fact]
    public void Whole_file_write_replaces_the_target_only_when_complete()
    {
        using var temp = new TempDirectory();
        var path = temp.File("grid.jsonl");
        File.WriteAllText(path, "old\n");

        IEnumerable<RunRecord> Failing()
        {
            yield return new RunRecord { RunId = 1 };
            throw new IOException("disk full");
        }

        Assert.Throws<IOException>(() => JsonlFile.WriteAll(path, Failing(), RecordJsonContext.Default.RunRecord));
        Assert.Equal("old\n", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(temp.Path));
    }
}
