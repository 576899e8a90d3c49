using System.Text;
using System.Text.RegularExpressions;
using SycoBench.Records;

namespace SycoBench.Tests.Records;

public sealed class JsonlReaderTests
{
    [Fact]
    public void Broken_line_in_the_middle_is_reported_by_number_and_every_other_row_is_returned()
    {
        using var temp = new TempDirectory();
        var lines = File.ReadLines(TestFiles.Reference("run.jsonl")).Take(10).ToList();
        lines[4] = lines[4][..(lines[4].Length / 2)];
        var path = temp.File("run.jsonl");
        File.WriteAllLines(path, lines);
        var issues = new List<JsonlIssue>();

        var records = JsonlReader.Read(path, RecordJsonContext.Default.RunRecord, issues.Add).ToList();

        Assert.Equal(9, records.Count);
        Assert.Equal([1, 2, 3, 4, 6, 7, 8, 9, 10], records.Select(r => r.LineNumber));
        var issue = Assert.Single(issues);
        Assert.Equal(5, issue.LineNumber);
        Assert.StartsWith(path + ":5: malformed line", issue.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_score_outside_minus_1_to_1_or_a_negative_sample_is_a_malformed_line_named_by_field()
    {
        // The judge's number is clamped to [-1, 1] before it is written (SPEC §5): a 1.7 is on no scale, and a report
        // that averaged it would move SI without a word. Sample indexes are 0-based.
        using var temp = new TempDirectory();
        var scored = File.ReadLines(TestFiles.Reference("run_scored.jsonl")).Take(6).ToList();
        scored[1] = Regex.Replace(scored[1], "\"score\": [-0-9.]+", "\"score\": 1.7");
        scored[2] = Regex.Replace(scored[2], "\"score\": [-0-9.]+", "\"score\": -1");
        scored[3] = scored[3][..^1] + ", \"sample\": -1}";
        scored[4] = scored[4][..^1] + ", \"judges\": [{\"model\": \"j/a\", \"score\": 0.5}, {\"model\": \"j/b\", \"score\": -2.5}]}";
        var scoredPath = temp.File("run_scored.jsonl");
        File.WriteAllLines(scoredPath, scored);
        var run = File.ReadLines(TestFiles.Reference("run.jsonl")).Take(2).ToList();
        run[1] = run[1][..^1] + ", \"sample\": -3}";
        var runPath = temp.File("run.jsonl");
        File.WriteAllLines(runPath, run);
        var issues = new List<JsonlIssue>();

        var evals = JsonlReader.Read(scoredPath, RecordJsonContext.Default.EvalRecord, issues.Add).ToList();
        var runs = JsonlReader.Read(runPath, RecordJsonContext.Default.RunRecord, issues.Add).ToList();

        Assert.Equal([1L, 3L, 6L], evals.Select(e => e.LineNumber));
        Assert.Equal(-1, evals[1].Value.Score); // the ends of the scale are scores
        Assert.Equal([1L], runs.Select(r => r.LineNumber));
        Assert.Equal(
            [
                $"{scoredPath}:2: malformed line: 'score' must be between -1 and 1, as every judge's score is clamped (got 1.7)",
                $"{scoredPath}:4: malformed line: 'sample' must be 0 or more (a 0-based sample index; got -1)",
                $"{scoredPath}:5: malformed line: 'judges[1].score' must be between -1 and 1, as every judge's score is clamped (got -2.5)",
                $"{runPath}:2: malformed line: 'sample' must be 0 or more (a 0-based sample index; got -3)",
            ],
            issues.Select(i => i.ToString()));
    }

    [Fact]
    public void Blank_lines_are_skipped_and_line_numbers_stay_true()
    {
        using var temp = new TempDirectory();
        var path = temp.File("grid.jsonl");
        var source = File.ReadLines(TestFiles.Reference("grid.jsonl")).Take(2).ToArray();
        File.WriteAllText(path, "\n" + source[0] + "\r\n   \n" + source[1] + "\n\n");
        var issues = new List<JsonlIssue>();

        var rows = JsonlReader.Read(path, RecordJsonContext.Default.GridPrompt, issues.Add).ToList();

        Assert.Empty(issues);
        Assert.Equal([2L, 4L], rows.Select(r => r.LineNumber));
        Assert.Equal(["000", "001"], rows.Select(r => r.Value.PromptId));
    }

    [Fact]
    public void Torn_last_line_without_newline_is_one_issue()
    {
        using var temp = new TempDirectory();
        var path = temp.File("run.jsonl");
        var lines = File.ReadLines(TestFiles.Reference("run.jsonl")).Take(3).ToList();
        File.WriteAllText(path, lines[0] + "\n" + lines[1] + "\n" + lines[2][..100]);
        var issues = new List<JsonlIssue>();

        var records = JsonlReader.Read(path, RecordJsonContext.Default.RunRecord, issues.Add).ToList();

        Assert.Equal(2, records.Count);
        Assert.Equal(3, Assert.Single(issues).LineNumber);
    }

    [Fact]
    public void Last_line_without_newline_is_read()
    {
        using var temp = new TempDirectory();
        var path = temp.File("grid.jsonl");
        File.WriteAllText(path, File.ReadLines(TestFiles.Reference("grid.jsonl")).First());

        Assert.Single(JsonlReader.Read(path, RecordJsonContext.Default.GridPrompt));
    }

    [Fact]
    public void Wrong_types_and_non_objects_are_issues_not_crashes()
    {
        using var temp = new TempDirectory();
        var path = temp.File("run.jsonl");
        File.WriteAllText(path, "{\"run_id\": \"soon\"}\n[1, 2]\nnull\n{\"run_id\": 5, \"model_id\": \"m\"}\n");
        var issues = new List<JsonlIssue>();

        var records = JsonlReader.Read(path, RecordJsonContext.Default.RunRecord, issues.Add).ToList();

        Assert.Equal(5, Assert.Single(records).Value.RunId);
        Assert.Equal([1L, 2L, 3L], issues.Select(i => i.LineNumber));
        Assert.Contains("run_id", issues[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lines_longer_than_the_read_buffer_are_read_whole()
    {
        using var temp = new TempDirectory();
        var path = temp.File("run.jsonl");
        var text = new string('x', 300_000);
        File.WriteAllText(path, $"{{\"run_id\": 1, \"response_text\": \"{text}\"}}\n{{\"run_id\": 2}}\n");

        var records = JsonlReader.Read(path, RecordJsonContext.Default.RunRecord).ToList();

        Assert.Equal(text, records[0].Value.ResponseText);
        Assert.Equal(2, records[1].Value.RunId);
    }

    [Fact]
    public void Reading_streams_from_a_stream_without_knowing_its_length()
    {
        var payload = string.Concat(Enumerable.Range(0, 5000).Select(i => $"{{\"run_id\": {i}}}\n"));
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(payload));

        var ids = JsonlReader.Read(stream, "memory", RecordJsonContext.Default.RunRecord).Select(e => e.Value.RunId).ToList();

        Assert.Equal(Enumerable.Range(0, 5000).Select(i => (long)i), ids);
    }

    [Fact]
    public void A_line_over_the_limit_stops_the_reading_naming_the_file_and_the_line()
    {
        var payload = "{\"run_id\": 1}\n\n{\"run_id\": 2, \"response_text\": \"" + new string('x', 5000) + "\"}\n{\"run_id\": 3}\n";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(payload));
        var read = new List<long>();

        var error = Assert.Throws<InvalidDataException>(() =>
        {
            foreach (var entry in JsonlReader.Read(stream, "big.jsonl", RecordJsonContext.Default.RunRecord, null, 1000, CancellationToken.None))
                read.Add(entry.Value.RunId);
        });

        Assert.Equal([1L], read);
        Assert.Equal("big.jsonl:3: line longer than 1000 bytes, the limit for one record (is this a JSONL file?)", error.Message);
    }

    [Fact]
    public void An_endless_line_like_dev_zero_is_refused_after_reading_about_the_limit()
    {
        using var stream = new EndlessStream();

        var error = Assert.Throws<InvalidDataException>(() =>
            JsonlReader.Read(stream, "/dev/zero", RecordJsonContext.Default.RunRecord, null, 100_000, CancellationToken.None).ToList());

        Assert.StartsWith("/dev/zero:1: line longer than 100000 bytes", error.Message, StringComparison.Ordinal);
        Assert.InRange(stream.BytesRead, 100_000, 300_000);
    }

    [Fact]
    public void The_documented_limit_is_16_MiB()
    {
        Assert.Equal(16 * 1024 * 1024, JsonlLimits.MaxLineBytes);
        Assert.Contains("line longer than 16 MiB", JsonlLimits.TooLong("f.jsonl", 7, JsonlLimits.MaxLineBytes), StringComparison.Ordinal);
    }

    /// <summary>Zero bytes without end, as /dev/zero gives them.</summary>
    private sealed class EndlessStream : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Clear(buffer, offset, count);
            BytesRead += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
